// Hostnames in the browser, clicking as a person would: create (with the punycode preview), set an
// A record and see it live in DNS (dig confirms), "use my current IP", create a key and copy the
// ddclient config, an update shows in the history, delete. Form errors next to each field.
import { expect, test } from "@playwright/test";
import { createHost, digUntil, newUser, nicUpdate, uniqueLabel } from "./hosts.helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("create → A record live in DNS → key and ddclient config → history → delete", async ({ page, baseURL }) => {
  await newUser(page);
  const label = `bücher-${uniqueLabel("x").slice(2)}`;
  await page.goto("/hosts");
  await expect(page.getByTestId("plan-usage")).toHaveText("0 of 3 hostnames used · Free plan");
  await page.getByLabel("Name", { exact: true }).fill(label);
  const ascii = new URL(`http://${label}.dyn.test`).hostname;
  await expect(page.getByTestId("hostname-preview")).toHaveText(`Your hostname: ${label}.dyn.test — in DNS: ${ascii}`);
  await page.getByRole("button", { name: "Create hostname" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${label}.dyn.test`);
  await expect(page.getByText(`In DNS: ${ascii}`)).toBeVisible();
  await expect(page.getByText("No records yet", { exact: true })).toBeVisible();

  const add = page.getByRole("form", { name: "Add records" });
  await expect(add.getByLabel("Record type")).toHaveValue("A");
  await add.getByLabel("Values").fill("203.0.113.10");
  await add.getByLabel("TTL (seconds)").fill("120");
  await add.getByRole("button", { name: "Add records" }).click();
  const aForm = page.getByRole("form", { name: "A records", exact: true });
  await expect(aForm.getByLabel("Values")).toHaveValue("203.0.113.10");
  await expect(page.getByText("Live in DNS").first()).toBeVisible();
  expect(await digUntil(baseURL!, ascii, "A", ["203.0.113.10"])).toEqual(["203.0.113.10"]);

  await page.getByRole("button", { name: "Use my current IP" }).click();
  await expect(page.getByRole("form", { name: "A records", exact: true }).getByLabel("Values")).toHaveValue("127.0.0.1");
  expect(await digUntil(baseURL!, ascii, "A", ["127.0.0.1"])).toEqual(["127.0.0.1"]);

  await page.getByRole("navigation", { name: "Host" }).getByRole("link", { name: "Update keys" }).click();
  await expect(page).toHaveURL(/\/keys$/);
  await page.getByLabel("Name (optional)").fill("Home router");
  await page.getByRole("button", { name: "Create key" }).click();
  const secret = (await page.getByLabel("New update key").innerText()).trim();
  expect(secret).toMatch(/^dhk_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("tab", { name: "ddclient" })).toHaveAttribute("aria-selected", "true");
  const server = new URL(baseURL!).host;
  const ddclient = [
    `# ddclient.conf for ${ascii}`, "daemon=300", "ssl=no", `use=web, web=http://${server}/checkip`, "protocol=dyndns2",
    `server=${server}`, `login=${ascii}`, `password='${secret}'`, ascii, "",
  ].join("\n");
  expect(await page.getByLabel("ddclient config", { exact: true }).textContent()).toBe(ddclient);
  await page.getByRole("button", { name: "Copy ddclient config" }).click();
  await expect(page.getByText("Copied")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ddclient);
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(page.getByRole("row", { name: /Home router/ })).toContainText("A, AAAA");

  expect(await nicUpdate(baseURL!, ascii, secret, "myip=198.51.100.20")).toEqual({ status: 200, body: "good 198.51.100.20" });
  expect(await digUntil(baseURL!, ascii, "A", ["198.51.100.20"])).toEqual(["198.51.100.20"]);
  await page.getByRole("navigation", { name: "Host" }).getByRole("link", { name: "History" }).click();
  await expect(page).toHaveURL(/\/history$/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("cell", { name: "myip=198.51.100.20" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const row = page.getByRole("row", { name: /myip=198\.51\.100\.20/ });
  await expect(row).toContainText("dynhost-e2e/1.0");
  // The result says what changed: the A record "use my current IP" set, replaced by the update.
  await expect(row.getByRole("cell").last()).toHaveText("goodA: 127.0.0.1 → 198.51.100.20");
  await expect(page.getByRole("img", { name: "Address changes over the last 30 days" })).toHaveAccessibleDescription("1 change across 1 address.");

  await page.getByRole("navigation", { name: "Host" }).getByRole("link", { name: "Records" }).click();
  await expect(page).toHaveURL(/\/hosts\/[0-9a-f-]{36}$/);
  await page.getByText("Delete this hostname").click();
  const del = page.getByRole("form", { name: "Delete this hostname" });
  await del.getByLabel(`Type ${label}.dyn.test to confirm`).fill("something else");
  await del.getByRole("button", { name: "Delete hostname" }).click();
  await expect(del.getByLabel(`Type ${label}.dyn.test to confirm`)).toHaveAccessibleDescription(`Type ${label}.dyn.test exactly to confirm.`);
  await del.getByLabel(`Type ${label}.dyn.test to confirm`).fill(`${label}.dyn.test`);
  await del.getByRole("button", { name: "Delete hostname" }).click();
  await expect(page).toHaveURL(/\/hosts\?deleted=/);
  await expect(page.getByRole("main").getByRole("status").first()).toContainText(`${label}.dyn.test was deleted and has left DNS.`);
  await expect(page.getByRole("heading", { name: "No hostnames yet" })).toBeVisible();
  expect(await digUntil(baseURL!, ascii, "A", [])).toEqual([]);
  expect((await nicUpdate(baseURL!, ascii, secret, "myip=198.51.100.21")).body).not.toMatch(/^good/);
});

test("bad names, values and TTLs get an error next to the field", async ({ page }) => {
  await newUser(page);
  await page.goto("/hosts");
  const name = page.getByLabel("Name", { exact: true });
  for (const [typed, message] of [
    ["www", '"www" is reserved; choose another name.'],
    ["ns1", '"ns1" is reserved; choose another name.'],
    ["bad_name", '"bad_name" may contain only letters, digits and hyphens.'],
    ["-dash", '"-dash" cannot start or end with a hyphen.'],
    ["two.labels", "Choose a single name without dots."],
    ["a".repeat(64), `"${"a".repeat(64)}" is longer than 63 characters.`],
  ]) {
    await name.fill(typed!);
    await expect(name).toHaveAccessibleDescription(message!);
    await expect(name).toHaveAttribute("aria-invalid", "true");
  }
  // Only the server knows mixed scripts and taken names.
  await name.fill("раураl");
  await page.getByRole("button", { name: "Create hostname" }).click();
  await expect(name).toHaveAccessibleDescription('"раураl" mixes Cyrillic and Latin letters, which can imitate other names.');
  const label = uniqueLabel("taken");
  const id = await createHost(page, label);
  await page.goto("/hosts");
  await page.getByLabel("Name", { exact: true }).fill(label);
  await page.getByRole("button", { name: "Create hostname" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAccessibleDescription("This name is already taken.");

  await page.goto(`/hosts/${id}`);
  const add = page.getByRole("form", { name: "Add records" });
  await add.getByLabel("Values").fill("192.0.2.300");
  await add.getByLabel("TTL (seconds)").fill("30");
  await add.getByRole("button", { name: "Add records" }).click();
  await expect(add.getByLabel("Values")).toHaveAccessibleDescription('Invalid A value "192.0.2.300": expected an IPv4 address like 192.0.2.1');
  await expect(add.getByLabel("TTL (seconds)")).toHaveAccessibleDescription("The TTL must be a whole number from 60 to 86400 seconds.");
  await add.getByLabel("Values").fill("192.0.2.1");
  await add.getByLabel("TTL (seconds)").fill("86401");
  await add.getByRole("button", { name: "Add records" }).click();
  await expect(add.getByLabel("TTL (seconds)")).toHaveAccessibleDescription("The TTL must be a whole number from 60 to 86400 seconds.");
  await add.getByLabel("TTL (seconds)").fill("60");
  await add.getByRole("button", { name: "Add records" }).click();
  await expect(page.getByRole("form", { name: "A records", exact: true })).toBeVisible();
  // A CNAME beside the A records: only setRecords knows, and says so on the type.
  await add.getByLabel("Record type").selectOption("CNAME");
  await add.getByLabel("Values").fill("elsewhere.example.com.");
  await add.getByRole("button", { name: "Add records" }).click();
  await expect(add.getByLabel("Record type")).toHaveAccessibleDescription(
    `${label}.dyn.test has A records; a CNAME cannot sit beside other records. Remove them first.`,
  );
  const txt = page.getByRole("form", { name: "Add records" });
  await txt.getByLabel("Record type").selectOption("TXT");
  await txt.getByLabel("Values").fill('"unterminated');
  await txt.getByRole("button", { name: "Add records" }).click();
  await expect(txt.getByLabel("Values")).toHaveAccessibleDescription('Invalid TXT value ""unterminated": a double quote is not closed');
});
