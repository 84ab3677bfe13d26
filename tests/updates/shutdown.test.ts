// UpdateEvents are written off the response path; a clean stop of the whole service right after a
// burst of updates loses none of them and writes none twice: the web process drains its queue
// before it exits, and what it could not write is spooled to DATA_DIR and written at the next start
// (the spool itself is tested in lib/updates/events.db.test.ts).
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basicAuth } from "./fixtures/http";
import { seedHost, seedKey, seedUser, startFixture, type Fixture } from "./service-fixture";

let f: Fixture;
let key: string;
const N = 40;

beforeAll(async () => {
  f = await startFixture({ UPDATE_EVENTS_FLUSH_MS: "600000" }); // nothing is written before the stop
  const owner = await seedUser(f.db, "stop@example.test", "stop account passphrase");
  for (let i = 0; i < N; i++) await seedHost(f.db, owner.id, `st${i}.dyn.test`);
  key = await seedKey(f.db, { ownerId: owner.id });
});
afterAll(async () => f?.stop());

describe("clean shutdown", { timeout: 300_000 }, () => {
  it("keeps every UpdateEvent of the requests answered before SIGTERM", async () => {
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        fetch(`${f.svc.url}/nic/update?hostname=st${i}.dyn.test&myip=203.0.113.${i + 1}`, {
          headers: { authorization: basicAuth("x", key), "user-agent": "shutdown-test/1.0" },
        }).then((r) => r.text()),
      ),
    );
    expect(answers).toEqual(Array.from({ length: N }, (_, i) => `good 203.0.113.${i + 1}`));
    expect(await f.db.updateEvent.count({ where: { fqdn: { startsWith: "st" } } })).toBe(0);
    await f.svc.stop("SIGTERM");
    await f.svc.restart();
    const until = Date.now() + 30_000;
    let fqdns: string[] = [];
    while (Date.now() < until) {
      const rows = await f.db.updateEvent.findMany({ where: { fqdn: { startsWith: "st" } }, select: { fqdn: true } });
      fqdns = rows.map((r) => r.fqdn!).sort();
      if (fqdns.length >= N) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(fqdns).toEqual(Array.from({ length: N }, (_, i) => `st${i}.dyn.test`).sort());
    const spool = path.join(f.svc.dataDir, "spool");
    const left = existsSync(spool) ? readdirSync(spool).flatMap((d) => readdirSync(path.join(spool, d))) : [];
    expect(left).toEqual([]);
  });
});
