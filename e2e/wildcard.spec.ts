// Wildcard records on the host page, clicking as a person would: a Plus account adds *.host A
// records, sees them live, `dig anything.<host>` answers them; edits, server-side errors next to
// the field, removal. Without JavaScript the same forms work. A free account is told its plan
// lacks wildcards. Accounts sign up on the free plan; the operator moves them to Plus (user:plan).
import { expect, test, type Page } from "@playwright/test";
import { createHost, digUntil, newUser, uniqueLabel } from "./hosts.helpers";
import { runCli } from "./support/cli";

async function plusUserWithHost(page: Page, prefix: string): Promise<{ id: string; fqdn: string }> {
  const { email } = await newUser(page, prefix);
  expect(runCli(["user:plan", "--email", email, "--plan", "plus"])).toBe(`${email}: plan free → plus\n`);
  const label = uniqueLabel(prefix);
  const id = await createHost(page, label);
  return { id, fqdn: `${label}.dyn.test` };
}

test("a wildcard A record goes live and answers any name under the host", async ({ page, baseURL }) => {
  const { fqdn } = await plusUserWithHost(page, "star");
  const section = page.getByRole("region", { name: `*.${fqdn}` });
  const add = section.getByRole("form", { name: "Add wildcard records" });
  await expect(add.getByLabel("Record type")).toHaveValue("A");
  await add.getByLabel("Values").fill("203.0.113.50");
  await add.getByLabel("TTL (seconds)").fill("120");
  await add.getByRole("button", { name: "Add wildcard records" }).click();

  const wildA = section.getByRole("form", { name: "Wildcard A records", exact: true });
  await expect(wildA.getByLabel("Values")).toHaveValue("203.0.113.50");
  await expect(wildA.getByLabel("TTL (seconds)")).toHaveValue("120");
  await expect(section.getByText("Live in DNS")).toBeVisible();
  // The host's own records are untouched: none yet.
  await expect(page.getByRole("form", { name: "A records", exact: true })).toHaveCount(0);
  expect(await digUntil(baseURL!, `anything.${fqdn}`, "A", ["203.0.113.50"])).toEqual(["203.0.113.50"]);
  expect(await digUntil(baseURL!, `a.b.${fqdn}`, "A", ["203.0.113.50"])).toEqual(["203.0.113.50"]);

  // Round robin: two addresses, saved in the wildcard's own editor.
  await wildA.getByLabel("Values").fill("203.0.113.51\n203.0.113.52");
  await wildA.getByRole("button", { name: "Save wildcard A" }).click();
  await expect(wildA.getByLabel("Values")).toHaveValue("203.0.113.51\n203.0.113.52");
  expect(await digUntil(baseURL!, `anything.${fqdn}`, "A", ["203.0.113.51", "203.0.113.52"])).toEqual(["203.0.113.51", "203.0.113.52"]);

  // Only the server knows a CNAME cannot sit beside the wildcard's A: the error sits on the type.
  const again = section.getByRole("form", { name: "Add wildcard records" });
  await again.getByLabel("Record type").selectOption("CNAME");
  await again.getByLabel("Values").fill("elsewhere.example.com.");
  await again.getByRole("button", { name: "Add wildcard records" }).click();
  await expect(again.getByLabel("Record type")).toHaveAccessibleDescription(
    `*.${fqdn} has A records; a CNAME cannot sit beside other records. Remove them first.`,
  );

  await section.getByRole("button", { name: "Remove wildcard A" }).click();
  await expect(section.getByRole("form", { name: "Wildcard A records", exact: true })).toHaveCount(0);
  expect(await digUntil(baseURL!, `anything.${fqdn}`, "A", [])).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the wildcard forms post to the server, which answers errors next to the field", async ({ page, browser, baseURL }) => {
    const js = await browser.newContext({ javaScriptEnabled: true });
    const { fqdn, id } = await plusUserWithHost(await js.newPage(), "nojs-star");
    await page.context().addCookies(await js.cookies());
    await page.goto(`/hosts/${id}`);
    const section = page.getByRole("region", { name: `*.${fqdn}` });
    await section.getByLabel("Values").fill("203.0.113.300");
    await section.getByLabel("TTL (seconds)").fill("10");
    await section.getByRole("button", { name: "Add wildcard records" }).click();
    const add = page.getByRole("region", { name: `*.${fqdn}` }).getByRole("form", { name: "Add wildcard records" });
    await expect(add.getByLabel("Values")).toHaveAccessibleDescription('Invalid A value "203.0.113.300": expected an IPv4 address like 192.0.2.1');
    await add.getByLabel("Values").fill("203.0.113.60");
    await add.getByLabel("TTL (seconds)").fill("10");
    await add.getByRole("button", { name: "Add wildcard records" }).click();
    // The plan's minimum (30 s on Plus) is the server's to enforce.
    await expect(page.getByRole("region", { name: `*.${fqdn}` }).getByRole("form", { name: "Add wildcard records" }).getByLabel("TTL (seconds)"))
      .toHaveAccessibleDescription("The TTL must be a whole number from 30 to 86400 seconds.");
    const retry = page.getByRole("region", { name: `*.${fqdn}` }).getByRole("form", { name: "Add wildcard records" });
    await retry.getByLabel("Values").fill("203.0.113.60");
    await retry.getByLabel("TTL (seconds)").fill("60");
    await retry.getByRole("button", { name: "Add wildcard records" }).click();
    await page.goto(`/hosts/${id}`);
    await expect(page.getByRole("form", { name: "Wildcard A records", exact: true }).getByLabel("Values")).toHaveValue("203.0.113.60");
    expect(await digUntil(baseURL!, `nojs.${fqdn}`, "A", ["203.0.113.60"])).toEqual(["203.0.113.60"]);
    await js.close();
  });
});

test("a free account is told its plan has no wildcard records", async ({ page }) => {
  await newUser(page, "free-star");
  const label = uniqueLabel("free-star");
  await createHost(page, label);
  const section = page.getByRole("region", { name: `*.${label}.dyn.test` });
  await expect(section.getByText("Your plan does not include wildcard records.")).toBeVisible();
  await expect(section.getByRole("form")).toHaveCount(0);
  // ACME DNS-01 tokens are in the free plan (TXT at _acme-challenge), with a hint of their own.
  const acme = page.getByRole("region", { name: `_acme-challenge.${label}.dyn.test` }).getByRole("form", { name: "Add ACME challenge records" });
  await expect(acme.getByLabel("Values")).toHaveAttribute("placeholder", "gfj9Xq...Rg85nM");
  await expect(acme.getByLabel("Values")).toHaveAccessibleDescription("The token your ACME client asks you to publish, one per line.");
});
