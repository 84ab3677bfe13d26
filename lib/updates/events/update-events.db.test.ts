// The UpdateEvent writer: batches reach the database with the hosts' lastSeenAt and the keys'
// lastUsedAt; strings PostgreSQL refuses are cleaned; events queued at exit are spooled to
// DATA_DIR and written by the next process on the same database.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import type { UpdateEventRow } from "@/lib/updates/events/types";
import { drainUpdateEvents, pendingUpdateEvents, recordUpdateEvent } from "@/lib/updates/events/update-events";
import { seedAccount, seedHost, seedKey } from "@/lib/updates/test-support";

let t: TestDatabase;
const root = path.resolve(import.meta.dirname, "..", "..", "..");

beforeAll(async () => {
  t = await createTestDatabase({ useAsDefault: true });
});
afterAll(async () => {
  await drainUpdateEvents();
  await t?.drop();
});

const base = (over: Partial<UpdateEventRow>): UpdateEventRow => ({
  hostId: null, fqdn: null, userId: null, keyId: null, protocol: "dyndns2", sourceIp: "198.51.100.1", userAgent: "t/1",
  params: {}, result: "good", reason: null, latencyMs: 3, createdAt: new Date().toISOString(), ...over,
});

describe("event writer", () => {
  it("writes batches off the response path and touches lastSeenAt / lastUsedAt", async () => {
    const zone = await t.db.zone.create({ data: { name: "dyn.test" } });
    const u = await seedAccount(t.db);
    const h = await seedHost(t.db, zone, u.id, "ev");
    const k = await seedKey(t.db, { ownerId: u.id });
    recordUpdateEvent(base({ hostId: h.id, fqdn: h.fqdn, userId: u.id, keyId: k.id, sourceIp: "2001:db8::9", params: { hostname: "ev.dyn.test" } }));
    recordUpdateEvent(base({ fqdn: "nul\u0000.dyn.test", userAgent: "bad\ud800agent", params: { "k\u0000": "v\u0000" } }));
    expect(pendingUpdateEvents()).toBe(2);
    await drainUpdateEvents();
    expect(pendingUpdateEvents()).toBe(0);
    const rows = await t.db.updateEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.fqdn, r.userAgent, r.params, r.latencyMs])).toEqual([
      ["ev.dyn.test", "t/1", { hostname: "ev.dyn.test" }, 3],
      ["nul\ufffd.dyn.test", "bad\ufffdagent", { "k\ufffd": "v\ufffd" }, 3],
    ]);
    expect((await t.db.host.findUniqueOrThrow({ where: { id: h.id } })).lastSeenAt).not.toBeNull();
    const key = await t.db.updateKey.findUniqueOrThrow({ where: { id: k.id } });
    expect([key.lastUsedAt instanceof Date, key.lastUsedIp]).toEqual([true, "2001:db8::9"]);
  });

  it("spools events at exit and the next process on the same database writes them", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "dh-spool-"));
    const env = { ...process.env, DATABASE_URL: t.url, DATA_DIR: dataDir };
    const child = (mode: string, label: string) =>
      spawnSync(process.execPath, ["--import", "tsx", "tests/updates/fixtures/events-child.ts", mode, label], { cwd: root, env, encoding: "utf8" });
    try {
      expect(child("exit", "spooled").status).toBe(0);
      const dir = path.join(dataDir, "spool");
      const [sub] = readdirSync(dir);
      expect(readdirSync(path.join(dir, sub!)).filter((f) => f.endsWith(".jsonl"))).toHaveLength(1);
      expect(await t.db.updateEvent.count({ where: { fqdn: { startsWith: "spooled-" } } })).toBe(0);
      const r = child("drain", "second");
      expect([r.status, r.stderr]).toEqual([0, ""]);
      expect(readdirSync(path.join(dir, sub!))).toEqual([]);
      const names = (await t.db.updateEvent.findMany({ where: { fqdn: { endsWith: ".dyn.test", not: "ev.dyn.test" }, userAgent: "child/1.0" }, orderBy: { id: "asc" } })).map((e) => e.fqdn);
      expect(names).toEqual(["spooled-0.dyn.test", "spooled-1.dyn.test", "spooled-2.dyn.test", "second-0.dyn.test", "second-1.dyn.test", "second-2.dyn.test"]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
