// A nochg storm, as the owner meets it: a router that keeps sending the address already set is
// paused (its updates answer "abuse"), the host list says so, and the owner lets it update again
// from the update keys page; the next update goes through.
import { expect, test } from "@playwright/test";
import { createHost, newUser, nicUpdate, uniqueLabel } from "./hosts.helpers";

test("a paused update client is shown and can be let to update again", async ({ page, baseURL }) => {
  await newUser(page, "storm");
  const label = uniqueLabel("storm");
  const fqdn = `${label}.dyn.test`;
  const id = await createHost(page, label);
  await page.goto(`/hosts/${id}/keys`);
  const form = page.getByRole("form", { name: "Create an update key" });
  await form.getByLabel("Name (optional)").fill("Storm router");
  await form.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByLabel("New update key").innerText()).trim();

  expect(await nicUpdate(baseURL!, fqdn, key, "myip=203.0.113.60")).toEqual({ status: 200, body: "good 203.0.113.60" });
  // NOCHG_BLOCK_THRESHOLD is 30 an hour: the 31st unchanged update pauses the client.
  for (let i = 0; i < 31; i++) expect((await nicUpdate(baseURL!, fqdn, key, "myip=203.0.113.60")).body).toBe("nochg 203.0.113.60");
  await expect(async () => {
    expect(await nicUpdate(baseURL!, fqdn, key, "myip=203.0.113.61")).toEqual({ status: 200, body: "abuse" });
  }).toPass({ timeout: 10_000, intervals: [500] });

  // The block is written off the response path: reload until it shows.
  await expect(async () => {
    await page.goto("/hosts");
    await expect(page.getByRole("alert").filter({ hasText: "An update client of yours is paused" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await page.getByRole("link", { name: "See update keys" }).click();
  await expect(page).toHaveURL(/\/keys$/);
  const pausedCard = () => page.locator("section", { has: page.getByRole("heading", { name: "Paused update clients" }) });
  const paused = pausedCard();
  await expect(paused).toContainText("Key Storm router");
  await expect(paused).toContainText("The client kept sending the address that was already set; it is blocked for a while.");
  await expect(paused).toContainText("31 unchanged updates");
  await paused.getByRole("button", { name: "Let it update again" }).click();
  await expect(pausedCard()).toHaveCount(0);
  expect(await nicUpdate(baseURL!, fqdn, key, "myip=203.0.113.61")).toEqual({ status: 200, body: "good 203.0.113.61" });
  await page.goto("/hosts");
  await expect(page.getByText("An update client of yours is paused")).toHaveCount(0);
});
