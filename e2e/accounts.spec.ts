// Accounts in the browser: sign-up with the dev outbox, sign-in, form errors, throttling, roles.
import { expect, test } from "@playwright/test";
import { totpAt } from "@/lib/auth/totp";
import { createUser, outboxLink, PASSWORD, signIn, totpCode, uniqueEmail } from "./support/accounts";

test("sign up, confirm the address from the dev outbox, sign in, see the empty dashboard", async ({ page }) => {
  const email = uniqueEmail("signup");
  await page.goto("/");
  await page.getByRole("link", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Create an account" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name (optional)").fill("Zoë Example");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Check your inbox");

  const link = await outboxLink(page, email, "Confirm your email address for dynhost", "/verify-email");
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`Your email address ${email} is confirmed.`);

  await signIn(page, { email, password: PASSWORD });
  await expect(page.getByRole("heading", { name: "No hostnames yet" })).toBeVisible();
  await expect(page.getByText("Signed in as Zoë Example")).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveText(email);
});

test("an unconfirmed account cannot sign in yet", async ({ page }) => {
  const email = uniqueEmail("unconfirmed");
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("status")).toContainText("Check your inbox");
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Confirm your email address first: open the link we mailed you.");
  await page.getByRole("button", { name: "Send a new confirmation link" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("If an unconfirmed account uses this address, we sent it a new confirmation link.");
});

test("bad input shows an error next to each field", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Name (optional)").fill("Mallory\u202Egnp.exe");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter a valid email address, like name@example.com");
  await expect(page.getByLabel("Name (optional)")).toHaveAccessibleDescription(
    "Names cannot contain control, bidi or invisible characters",
  );
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Use at least 10 characters");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Password").fill("x".repeat(129));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Use at most 128 characters");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server still refuses bad input, field by field", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("Email").fill(`${"a".repeat(250)}@example.test`);
    await page.getByLabel("Name (optional)").fill("Zero\u0000width");
    await page.getByLabel("Password").fill("password123");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Email addresses are at most 254 characters");
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription("This password is too easy to guess");
  });
});

test("wrong passwords are refused, then throttled with a clear message", async ({ page }) => {
  const user = createUser();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Password").fill(`wrong password ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Email or password is incorrect.");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    /^Too many failed sign-in attempts\. Wait 1[45] minutes and try again, or reset your password\.$/,
  );
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin$/);
});

test("a USER gets a 404 for the staff console", async ({ page }) => {
  const user = createUser();
  await signIn(page, user);
  await expect(page.getByRole("link", { name: "Staff console" })).toHaveCount(0);
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText("Staff console")).toHaveCount(0);
});

test("an ADMIN created by the CLI signs in with TOTP and opens the staff console", async ({ page }) => {
  const admin = createUser({ role: "ADMIN" });
  expect(admin.secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.goto("/signin");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Authentication code")).toHaveAccessibleDescription(
    "Enter the 6-digit code from your authenticator app.",
  );
  await page.getByLabel("Authentication code").fill(totpAt(admin.secret!, Date.now() + 10 * 60_000));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Authentication code")).toHaveAccessibleDescription(
    "That code is not valid. Check your device's clock and try a new code.",
  );
  await page.getByLabel("Authentication code").fill(totpCode(admin.secret!));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your hostnames" })).toBeVisible();
  await page.getByRole("link", { name: "Staff console" }).click();
  await expect(page.getByRole("heading", { name: "Staff console" })).toBeVisible();
  await expect(page.getByText(`${admin.email} · role ADMIN`)).toBeVisible();
});

test("staff without TOTP are sent to set it up before the console", async ({ page }) => {
  const staff = createUser({ role: "ABUSE", totp: false });
  await signIn(page, staff);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/account\/security\?staff=totp$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText(
    "The staff console needs two-factor authentication. Set it up below, then open the console again.",
  );
});
