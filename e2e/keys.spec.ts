// Update keys in the browser: form errors (types, networks, expiry), the plan's types, a key held
// to a network, last use, revoking, and account-wide keys — each checked with a real /nic/update.
import { expect, test } from "@playwright/test";
import { createHost, newUser, nicUpdate, uniqueLabel } from "./hosts.helpers";

test("host keys: bad input, a network-bound key, last use and revoke; account-wide keys", async ({ page, baseURL }) => {
  await newUser(page, "keys");
  const label = uniqueLabel("keys");
  const fqdn = `${label}.dyn.test`;
  const id = await createHost(page, label);
  await page.goto(`/hosts/${id}/keys`);
  await expect(page.getByText("No update keys yet.")).toBeVisible();
  const form = page.getByRole("form", { name: "Create an update key" });
  const types = form.getByRole("group", { name: "Record types it may change" });
  await expect(types.getByLabel("MX")).toBeDisabled();
  await expect(types.getByLabel("TXT")).toBeEnabled();

  await types.getByLabel("A", { exact: true }).uncheck();
  await types.getByLabel("AAAA").uncheck();
  await form.getByLabel("Allowed networks (optional)").fill("192.0.2.0/33");
  await form.getByLabel("Expires (optional)").fill("2020-01-01");
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(types).toHaveAccessibleDescription("Choose at least one record type.");
  await expect(form.getByLabel("Allowed networks (optional)")).toHaveAccessibleDescription(
    '"192.0.2.0/33" is not an address or network like 192.0.2.0/24 or 2001:db8::/48.',
  );
  await expect(form.getByLabel("Expires (optional)")).toHaveAccessibleDescription("The expiry must be in the future.");

  await types.getByLabel("A", { exact: true }).check();
  await form.getByLabel("Name (optional)").fill("Office only");
  await form.getByLabel("Allowed networks (optional)").fill("192.0.2.0/24");
  await form.getByLabel("Expires (optional)").fill("2099-12-31");
  await form.getByRole("button", { name: "Create key" }).click();
  const officeKey = (await page.getByLabel("New update key").innerText()).trim();
  expect(await nicUpdate(baseURL!, fqdn, officeKey, "myip=203.0.113.30")).toEqual({ status: 200, body: "badauth" });

  await page.getByRole("button", { name: "Create another key" }).click();
  await form.getByLabel("Name (optional)").fill("Home");
  await form.getByRole("button", { name: "Create key" }).click();
  const homeKey = (await page.getByLabel("New update key").innerText()).trim();
  expect(await nicUpdate(baseURL!, fqdn, homeKey, "myip=203.0.113.31")).toEqual({ status: 200, body: "good 203.0.113.31" });

  const office = page.getByRole("row", { name: /Office only/ });
  const home = page.getByRole("row", { name: /Home/ });
  await expect(async () => {
    await page.reload();
    await expect(home).toContainText(/ from 127\.0\.0\.1/, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(office.getByRole("cell").first()).toHaveText(/^A\s+from 192\.0\.2\.0\/24$/, { useInnerText: true });
  await expect(office).toContainText("never");
  await expect(office).toContainText("Active until 31 Dec 2099, 23:59 UTC");

  await home.getByRole("button", { name: "Revoke" }).click();
  await expect(home).toContainText(/^.*Revoked \d/);
  // /nic/update had just used (and cached) the key: the dashboard's revoke reaches it at once.
  expect(await nicUpdate(baseURL!, fqdn, homeKey, "myip=203.0.113.32")).toEqual({ status: 200, body: "badauth" });

  await page.goto("/keys");
  await expect(page.getByRole("row", { name: /Office only/ })).toContainText(fqdn);
  const wide = page.getByRole("form", { name: "Create an update key" });
  await wide.getByLabel("Name (optional)").fill("Everywhere");
  await wide.getByRole("button", { name: "Create key" }).click();
  const wideKey = (await page.getByLabel("New update key").innerText()).trim();
  await expect(page.getByRole("tab")).toHaveCount(0);
  expect(await nicUpdate(baseURL!, fqdn, wideKey, "myip=203.0.113.33")).toEqual({ status: 200, body: "good 203.0.113.33" });
  await page.reload();
  await expect(page.getByRole("row", { name: /Everywhere/ })).toContainText("All your hostnames");
});
