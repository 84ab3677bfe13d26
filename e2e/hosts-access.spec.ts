// Hostnames and the server's authority: without JavaScript the server still refuses bad names;
// the free plan stops at three hosts; a host list visit counts as liveness; another user's host
// is a 404 in every page and in the REST API.
import { expect, test } from "@playwright/test";
import { createHost, newUser, uniqueLabel } from "./hosts.helpers";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server refuses reserved names and bad TTLs on its own", async ({ page, browser }) => {
    const js = await browser.newContext({ javaScriptEnabled: true });
    const jsPage = await js.newPage();
    await newUser(jsPage, "nojs");
    await page.context().addCookies(await js.cookies());
    await page.goto("/hosts");
    await page.getByLabel("Name", { exact: true }).fill("admin");
    await page.getByRole("button", { name: "Create hostname" }).click();
    await expect(page.getByLabel("Name", { exact: true })).toHaveAccessibleDescription('"admin" is reserved; choose another name.');

    const id = await createHost(jsPage, uniqueLabel("nojs"));
    await page.goto(`/hosts/${id}`);
    const add = page.getByRole("form", { name: "Add records" });
    await add.getByLabel("Values").fill("not-an-address");
    await add.getByLabel("TTL (seconds)").fill("5");
    await add.getByRole("button", { name: "Add records" }).click();
    await expect(page.getByRole("form", { name: "Add records" }).getByLabel("Values")).toHaveAccessibleDescription(
      'Invalid A value "not-an-address": expected an IPv4 address like 192.0.2.1',
    );
    await page.getByRole("form", { name: "Add records" }).getByLabel("Values").fill("192.0.2.8");
    await page.getByRole("form", { name: "Add records" }).getByLabel("TTL (seconds)").fill("5");
    await page.getByRole("form", { name: "Add records" }).getByRole("button", { name: "Add records" }).click();
    await expect(page.getByRole("form", { name: "Add records" }).getByLabel("TTL (seconds)")).toHaveAccessibleDescription(
      "The TTL must be a whole number from 60 to 86400 seconds.",
    );
    await js.close();
  });
});

test("the free plan's third hostname is the last; another user's host is a 404 in pages and API", async ({ page, browser, baseURL }) => {
  await newUser(page, "owner");
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push(await createHost(page, uniqueLabel("plan")));
  await page.goto("/hosts");
  await expect(page.getByTestId("plan-usage")).toHaveText("3 of 3 hostnames used · Free plan");
  await expect(page.getByRole("table", { name: "Your hostnames" }).getByRole("row")).toHaveCount(4);
  await page.getByLabel("Name", { exact: true }).fill(uniqueLabel("fourth"));
  await page.getByRole("button", { name: "Create hostname" }).click();
  await expect(page.getByRole("form", { name: "Create a hostname" }).getByRole("alert")).toHaveText("Your plan allows 3 hostnames; delete one or upgrade.");

  // Visiting the host list counts as activity: the free hosts get their 30-day deadline.
  await expect(async () => {
    await page.goto(`/hosts/${ids[0]}`);
    await expect(page.getByTestId("liveness")).toContainText("This one stays active until", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  const other = await browser.newContext();
  const intruder = await other.newPage();
  await newUser(intruder, "intruder");
  for (const path of [`/hosts/${ids[0]}`, `/hosts/${ids[0]}/history`, `/hosts/${ids[0]}/keys`, `/hosts/${ids[0]}/setup`, "/hosts/not-a-uuid"]) {
    const res = await intruder.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(intruder.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await intruder.goto("/account/tokens");
  await intruder.getByRole("button", { name: "Create token" }).click();
  const token = (await intruder.getByLabel("New API token").innerText()).trim();
  const api = await fetch(`${baseURL}/api/v1/hosts/${ids[0]}`, { headers: { authorization: `Bearer ${token}` } });
  expect([api.status, await api.json()]).toEqual([404, { error: { code: "NOT_FOUND", message: "Host not found." } }]);
  await other.close();
});
