// Account settings in the browser: API tokens (shown once, used, revoked), mail preferences and
// webhooks (a plan feature), profile and password, account deletion, and the liveness link.
import { expect, test } from "@playwright/test";
import { createHost, digUntil, newUser, PASSWORD, uniqueLabel } from "./hosts.helpers";

test("API tokens: shown once, accepted by the API, refused once revoked", async ({ page, baseURL }) => {
  await newUser(page, "tokens");
  await page.goto("/account/tokens");
  const form = page.getByRole("form", { name: "Create an API token" });
  const scopes = form.getByRole("group", { name: "What it may do" });
  for (const s of ["hosts:read", "keys:read", "account:read"]) await scopes.getByLabel(s).uncheck();
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(scopes).toHaveAccessibleDescription("Choose at least one scope.");
  await scopes.getByLabel("hosts:read").check();
  await form.getByLabel("Name (optional)").fill("Script");
  await form.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByLabel("New API token").innerText()).trim();
  const list = await fetch(`${baseURL}/api/v1/hosts`, { headers: { authorization: `Bearer ${token}` } });
  expect([list.status, await list.json()]).toEqual([200, { items: [], nextCursor: null }]);
  const denied = await fetch(`${baseURL}/api/v1/account`, { headers: { authorization: `Bearer ${token}` } });
  expect(denied.status).toBe(403);

  await page.reload();
  const row = page.getByRole("row", { name: /Script/ });
  await expect(row).toContainText("hosts:read");
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  // The API had just used (and cached) the token: the dashboard's revoke reaches it at once.
  expect((await fetch(`${baseURL}/api/v1/hosts`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
});

test("notifications: mail preferences stick; webhooks are not in the free plan", async ({ page }) => {
  await newUser(page, "notify");
  await page.goto("/account/notifications");
  const prefs = page.getByRole("form", { name: "Email notifications" });
  await expect(prefs.getByLabel("A host's address changed")).not.toBeChecked();
  await prefs.getByLabel("A host's address changed").check();
  await prefs.getByLabel("Invoices, payments and plan changes").uncheck();
  await prefs.getByRole("button", { name: "Save preferences" }).click();
  await expect(prefs.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(prefs.getByLabel("A host's address changed")).toBeChecked();
  await expect(prefs.getByLabel("Invoices, payments and plan changes")).not.toBeChecked();

  const hook = page.getByRole("form", { name: "Add a webhook" });
  await hook.getByLabel("URL").fill("not a url");
  await hook.getByRole("button", { name: "Add webhook" }).click();
  await expect(hook.getByLabel("URL")).toHaveAccessibleDescription("Enter a full URL, like https://example.com/hooks/dynhost.");
  await hook.getByLabel("URL").fill("https://hooks.example.com/dynhost");
  await hook.getByRole("button", { name: "Add webhook" }).click();
  await expect(hook.getByRole("alert")).toHaveText("Webhooks are not included in your plan.");
});

// Legacy clients send the account password to /nic/update; it is remembered there after one check.
async function passwordUpdate(baseURL: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseURL}/nic/update?hostname=nothing-here.dyn.test&myip=203.0.113.9`, {
    headers: { authorization: `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}`, "user-agent": "dynhost-e2e/1.0" },
  });
  return `${res.status} ${await res.text()}`;
}

test("profile: name, password change (current password checked), then signing in with the new one", async ({ page, baseURL }) => {
  const user = await newUser(page, "profile");
  expect(await passwordUpdate(baseURL!, user.email, PASSWORD)).toBe("200 nohost");
  await page.goto("/account/profile");
  const profile = page.getByRole("form", { name: "Profile" });
  await profile.getByLabel("Name (optional)").fill("Ada Lovelace");
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByRole("status")).toHaveText("Saved.");
  await page.goto("/hosts");
  await expect(page.getByText(`Signed in as Ada Lovelace (${user.email}).`)).toBeVisible();

  await page.goto("/account/profile");
  const pw = page.getByRole("form", { name: "Change password" });
  await pw.getByLabel("Current password").fill("not my password");
  await pw.getByLabel("New password").fill("a fresh passphrase here");
  await pw.getByRole("button", { name: "Change password" }).click();
  await expect(pw.getByLabel("Current password")).toHaveAccessibleDescription("This is not your current password.");
  await pw.getByLabel("Current password").fill(PASSWORD);
  await pw.getByLabel("New password").fill(PASSWORD);
  await pw.getByRole("button", { name: "Change password" }).click();
  await expect(pw.getByLabel("New password")).toHaveAccessibleDescription("Choose a password different from your current one.");
  await pw.getByLabel("New password").fill("a fresh passphrase here");
  await pw.getByRole("button", { name: "Change password" }).click();
  await expect(pw.getByRole("status")).toHaveText("Your password was changed.");
  // The update path forgets the old password at once, and takes the new one.
  expect(await passwordUpdate(baseURL!, user.email, PASSWORD)).toBe("200 badauth");
  expect(await passwordUpdate(baseURL!, user.email, "a fresh passphrase here")).toBe("200 nohost");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?notice=signed-out$/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("a fresh passphrase here");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your hostnames" })).toBeVisible();
});

test("deleting the account takes its hosts out of DNS and ends sign-in", async ({ page, baseURL }) => {
  const user = await newUser(page, "leaver");
  const label = uniqueLabel("leaver");
  const id = await createHost(page, label);
  const add = page.getByRole("form", { name: "Add records" });
  await add.getByLabel("Values").fill("198.51.100.77");
  await add.getByRole("button", { name: "Add records" }).click();
  expect(await digUntil(baseURL!, `${label}.dyn.test`, "A", ["198.51.100.77"])).toEqual(["198.51.100.77"]);

  await page.goto("/account/profile");
  const del = page.getByRole("form", { name: "Delete account" });
  await expect(del).toContainText("This deletes your 1 hostname");
  await del.getByLabel("Your password").fill(PASSWORD);
  await del.getByRole("button", { name: "Delete my account" }).click();
  await expect(del.getByRole("checkbox")).toHaveAccessibleDescription("Tick the box to confirm that your hostnames will be deleted.");
  await del.getByRole("checkbox").check();
  await del.getByLabel("Your password").fill("wrong password");
  await del.getByRole("button", { name: "Delete my account" }).click();
  await expect(del.getByLabel("Your password")).toHaveAccessibleDescription("This is not your current password.");
  await del.getByLabel("Your password").fill(PASSWORD);
  await del.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("heading", { name: "Your account was deleted" })).toBeVisible();
  expect(await digUntil(baseURL!, `${label}.dyn.test`, "A", [])).toEqual([]);

  expect((await page.goto(`/hosts/${id}`))?.url()).toMatch(/\/signin$/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Email or password is incorrect.");
});

test("a damaged liveness link says so", async ({ page }) => {
  await page.goto("/liveness?token=short");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("This link is incomplete or damaged. Copy the whole link from the message.");
  await page.goto(`/liveness?token=${"x".repeat(43)}`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("This link is invalid, already used or expired. Ask for a new one.");
});
