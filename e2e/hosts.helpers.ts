// Shared steps of the hosts, keys and account specs: a fresh user per test (the sign-up flow with
// the dev outbox, as a person would), the service's DNS port for `dig`, and small waits.
import { readdirSync, readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { dig } from "@/tests/support/dig";
import { outboxLink, PASSWORD, signIn, uniqueEmail } from "./support/accounts";

export { PASSWORD };

/** A label nobody has used yet in this run ("e2e-3fa9c1"). */
export function uniqueLabel(prefix = "e2e"): string {
  return `${prefix}-${randomBytes(3).toString("hex")}`;
}

/** Signs up a new account, confirms it from the dev outbox and signs in. */
export async function newUser(page: Page, prefix = "hosts"): Promise<{ email: string; password: string }> {
  const email = uniqueEmail(prefix);
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Check your inbox");
  await page.goto(await outboxLink(page, email, "Confirm your email address for dynhost", "/verify-email"));
  await expect(page.getByRole("main").getByRole("status")).toContainText("is confirmed");
  await signIn(page, { email, password: PASSWORD });
  return { email, password: PASSWORD };
}

/** Creates a host from the host list and waits for its page; returns its id. */
export async function createHost(page: Page, label: string): Promise<string> {
  await page.goto("/hosts");
  await page.getByLabel("Name", { exact: true }).fill(label);
  await page.getByRole("button", { name: "Create hostname" }).click();
  await expect(page).toHaveURL(/\/hosts\/[0-9a-f-]{36}\?created=1$/);
  return new URL(page.url()).pathname.split("/")[2]!;
}

/**
 * The e2e service's DNS port: E2E_DNS_PORT when the runner pins it, otherwise read from the
 * environment of the local service process listening on the base URL's port (Linux /proc), since
 * `npm run start:e2e` picks a free one.
 */
export function dnsPort(baseURL: string): number {
  if (process.env.E2E_DNS_PORT) return Number(process.env.E2E_DNS_PORT);
  const webPort = new URL(baseURL).port;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let environ: string;
    try {
      environ = readFileSync(`/proc/${pid}/environ`, "utf8");
    } catch {
      continue;
    }
    const vars = new Map(environ.split("\0").map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
    if (vars.get("PORT") === webPort && vars.get("DNS_PORT") && vars.has("DATA_DIR")) return Number(vars.get("DNS_PORT"));
  }
  throw new Error(`no local dynhost service on port ${webPort} with a DNS_PORT: set E2E_DNS_PORT to the service's DNS port`);
}

/** `dig +short` at the service until it answers `want` (10 s), then the last answer. */
export async function digUntil(baseURL: string, name: string, type: string, want: string[]): Promise<string[]> {
  const port = dnsPort(baseURL);
  const until = Date.now() + 10_000;
  let got: string[] = [];
  while (Date.now() < until) {
    got = await dig("127.0.0.1", port, name, type);
    if (JSON.stringify(got) === JSON.stringify([...want].sort())) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return got;
}

/** A dyndns2 update with an update key, as a router sends it. */
export async function nicUpdate(baseURL: string, fqdn: string, key: string, query: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${baseURL}/nic/update?hostname=${fqdn}&${query}`, {
    headers: { authorization: `Basic ${Buffer.from(`${fqdn}:${key}`).toString("base64")}`, "user-agent": "dynhost-e2e/1.0" },
  });
  return { status: res.status, body: await res.text() };
}
