// Factories and steps shared by the account specs: each test seeds its own user.
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { totpAt } from "@/lib/auth/totp";
import { runCli } from "./cli";

export const PASSWORD = "correct horse battery staple";

/** A unique address for one test. */
export function uniqueEmail(prefix = "e2e"): string {
  return `${prefix}-${randomBytes(5).toString("hex")}@example.test`;
}

/** A verified account made with `user:create`; staff get the TOTP secret the CLI printed. */
export function createUser(opts: { role?: "USER" | "ABUSE" | "BILLING" | "ADMIN"; totp?: boolean } = {}) {
  const email = uniqueEmail((opts.role ?? "user").toLowerCase());
  const args = ["user:create", "--email", email, "--password", PASSWORD, "--role", opts.role ?? "USER"];
  if (opts.totp === false) args.push("--no-totp");
  if (opts.totp === true) args.push("--totp");
  const out = runCli(args);
  const secret = out.match(/^totp secret: ([A-Z2-7]+)$/m)?.[1];
  return { email, password: PASSWORD, secret };
}

/** The current code for a base32 secret; `ahead` steps later for a second use (a code is good once, RFC 6238 §5.2). */
export function totpCode(secret: string, ahead = 0): string {
  return totpAt(secret, Date.now() + ahead * 30_000);
}

/** Fills and sends the sign-in form (and the TOTP step when `secret` is given). */
export async function signIn(page: Page, user: { email: string; password: string; secret?: string }, opts: { totpAhead?: number } = {}) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (user.secret) {
    await page.getByLabel("Authentication code").fill(totpCode(user.secret, opts.totpAhead));
    await page.getByRole("button", { name: "Sign in" }).click();
  }
  await expect(page.getByRole("heading", { name: "Your hostnames" })).toBeVisible();
}

/** Opens the newest dev-outbox mail to `to` with `subject` and returns the link starting with `path`. */
export async function outboxLink(page: Page, to: string, subject: string, linkPath: string): Promise<string> {
  await page.goto(`/dev/mail?to=${encodeURIComponent(to)}`);
  await page.getByRole("link", { name: subject }).first().click();
  await expect(page.getByRole("heading", { name: subject })).toBeVisible();
  const href = await page.getByRole("link", { name: new RegExp(`${linkPath}\\?token=`) }).getAttribute("href");
  if (!href) throw new Error(`no ${linkPath} link in the mail`);
  return new URL(href).pathname + new URL(href).search;
}
