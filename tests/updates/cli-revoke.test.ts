// The whole service: an update key revoked from the operator CLI (another process) stops working on
// /nic/update at once, although the web process caches key lookups for UPDATE_KEY_CACHE_S (10 s):
// the revoke NOTIFYs at commit and the web process's listener forgets the key (lib/cache).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicAuth } from "./fixtures/http";
import { seedHost, seedKey, seedUser, startFixture, type Fixture } from "./service-fixture";

let f: Fixture;

beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => f?.stop());

async function update(key: string, ip: string): Promise<string> {
  const r = await fetch(`${f.svc.url}/nic/update?hostname=revoke.dyn.test&myip=${ip}`, {
    headers: { authorization: basicAuth("revoke.dyn.test", key), "user-agent": "revoke-test/1.0 ops@example.test" },
  });
  return `${r.status} ${await r.text()}`;
}

describe("key:revoke from the CLI", { timeout: 300_000 }, () => {
  it("the very next /nic/update with that key answers badauth, well inside the 10 s cache time", async () => {
    const owner = await seedUser(f.db, "revoke@example.test", "revoke account passphrase");
    await seedHost(f.db, owner.id, "revoke.dyn.test");
    const key = await seedKey(f.db, { ownerId: owner.id });
    const { id } = await f.db.updateKey.findFirstOrThrow({ where: { ownerId: owner.id } });
    expect(await update(key, "203.0.113.40")).toBe("200 good 203.0.113.40");
    expect(await update(key, "203.0.113.40")).toBe("200 nochg 203.0.113.40"); // the key is now cached
    const r = f.svc.cli(["key:revoke", "--owner", "revoke@example.test", "--id", id]);
    expect([r.status, r.stdout.trim()]).toEqual([0, `revoked ${id}`]);
    const revokedAt = Date.now();
    let answer = await update(key, "203.0.113.41");
    while (answer !== "200 badauth" && Date.now() - revokedAt < 2000) {
      await new Promise((res) => setTimeout(res, 50));
      answer = await update(key, "203.0.113.41");
    }
    expect(answer).toBe("200 badauth");
    expect(Date.now() - revokedAt).toBeLessThan(2000);
    expect(await f.db.rRset.findFirst({ where: { name: "revoke.dyn.test", type: "A" }, select: { records: true } })).toEqual({ records: ["203.0.113.40"] });
  });
});
