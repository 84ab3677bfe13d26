// Notifications of real updates, as a user sees them: opt in to "A host's address changed", let a
// router update the host through /nic/update, and the mail arrives (the worker's notifications
// job, through the dev outbox) naming the old and the new address.
import { expect, test } from "@playwright/test";
import { createHost, newUser, nicUpdate, uniqueLabel } from "./hosts.helpers";

test("an address change by an update client is mailed to a user who opted in", async ({ page, baseURL }) => {
  const { email } = await newUser(page, "notify");
  const label = uniqueLabel("notify");
  const fqdn = `${label}.dyn.test`;
  const id = await createHost(page, label);

  await page.goto(`/hosts/${id}/keys`);
  const form = page.getByRole("form", { name: "Create an update key" });
  await form.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByLabel("New update key").innerText()).trim();

  // Not opted in yet (the default is off): this change is not mailed.
  expect(await nicUpdate(baseURL!, fqdn, key, "myip=203.0.113.40")).toEqual({ status: 200, body: "good 203.0.113.40" });

  await page.goto("/account/notifications");
  const prefs = page.getByRole("form", { name: "Email notifications" });
  await prefs.getByLabel("A host's address changed").check();
  await prefs.getByRole("button", { name: "Save preferences" }).click();
  await expect(prefs.getByRole("status")).toHaveText("Saved.");

  expect(await nicUpdate(baseURL!, fqdn, key, "myip=203.0.113.41")).toEqual({ status: 200, body: "good 203.0.113.41" });
  const subject = `${fqdn} now points to 203.0.113.41`;
  await expect(async () => {
    await page.goto(`/dev/mail?to=${encodeURIComponent(email)}`);
    await expect(page.getByRole("link", { name: subject })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000, intervals: [1000] });
  await expect(page.getByRole("link", { name: /now points to 203\.0\.113\.40$/ })).toHaveCount(0);
  await page.getByRole("link", { name: subject }).click();
  await expect(page.getByText(`The A records of ${fqdn} changed from 203.0.113.40 to 203.0.113.41.`)).toBeVisible();
});
