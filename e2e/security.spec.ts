// Account security in the browser: password reset, TOTP setup, signing out other browsers.
import { expect, test } from "@playwright/test";
import { createUser, outboxLink, signIn, totpCode } from "./support/accounts";

test("forgot password: the mailed link sets a new password and signs out other browsers", async ({ page, browser }) => {
  const user = createUser();
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, user);

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("If an account uses this address, we sent it a link");

  const link = await outboxLink(page, user.email, "Reset your dynhost password", "/reset-password");
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByLabel("New password", { exact: true })).toHaveAccessibleDescription("Use at least 10 characters");
  await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Your password was changed");

  // The same link does not work twice.
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("another new passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This link is invalid, already used or expired.");

  await otherPage.goto("/dashboard");
  await expect(otherPage).toHaveURL(/\/signin$/);
  await signIn(page, { email: user.email, password: "a brand new passphrase" });
  await other.close();
});

test("a user turns on TOTP from the security page; the next sign-in asks for a code", async ({ page }) => {
  const user = createUser();
  await signIn(page, user);
  await page.getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { name: "Security" })).toBeVisible();
  await expect(page.getByText("Two-factor authentication is off.")).toBeVisible();
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expect(page.getByRole("link", { name: /^otpauth:\/\/totp\/dynhost/ })).toHaveAttribute("href", new RegExp(`secret=${secret}`));
  await page.getByLabel("Authentication code").fill("abc");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByLabel("Authentication code")).toHaveAccessibleDescription("Enter the 6-digit code from your authenticator app");
  await page.getByLabel("Authentication code").fill(totpCode(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText(/^Two-factor authentication is on since /)).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("You are signed out.");
  // The code that turned TOTP on was used; the next sign-in needs another (here: the next step's).
  await signIn(page, { ...user, secret }, { totpAhead: 1 });
});

test("sign out everywhere ends every browser's session", async ({ page, browser }) => {
  const user = createUser();
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, user);
  await signIn(page, user);
  await page.goto("/account/security");
  const table = page.getByRole("table", { name: "Signed-in browsers" });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByText("This browser")).toHaveCount(1);

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("You were signed out of every browser.");
  await otherPage.goto("/dashboard");
  await expect(otherPage).toHaveURL(/\/signin$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin$/);
  await other.close();
});

test("signing out one other browser from the list", async ({ page, browser }) => {
  const user = createUser();
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, user);
  await signIn(page, user);
  await page.goto("/account/security");
  await page.getByRole("form", { name: /^Sign out Chrome/ }).getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("table", { name: "Signed-in browsers" }).getByRole("row")).toHaveCount(2);
  await otherPage.goto("/dashboard");
  await expect(otherPage).toHaveURL(/\/signin$/);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Your hostnames" })).toBeVisible();
  await other.close();
});
