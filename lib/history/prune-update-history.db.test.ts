// Retention pruning deletes only events older than the cutoff, in bounded batches.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { pruneUpdateHistory } from "./prune-update-history";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ useAsDefault: true });
});
afterAll(() => t?.drop());

describe("pruneUpdateHistory", () => {
  it("deletes old events in batches and keeps recent ones", async () => {
    const now = new Date("2026-06-01T00:00:00Z");
    const day = 86_400_000;
    const row = (ageDays: number) => ({ protocol: "dyndns2", sourceIp: "198.51.100.1", params: {}, result: "good", latencyMs: 1, createdAt: new Date(now.getTime() - ageDays * day) });
    await t.db.updateEvent.createMany({ data: [...Array.from({ length: 23 }, () => row(91)), ...Array.from({ length: 5 }, () => row(89))] });
    const first = await pruneUpdateHistory(t.db, { now, retentionDays: 90, batchSize: 10, maxBatches: 2 });
    expect(first).toEqual({ deleted: 20, batches: 2, done: false });
    const rest = await pruneUpdateHistory(t.db, { now, retentionDays: 90, batchSize: 10 });
    expect(rest).toEqual({ deleted: 3, batches: 1, done: true });
    expect(await t.db.updateEvent.count()).toBe(5);
    expect(await pruneUpdateHistory(t.db, { now, retentionDays: 90 })).toEqual({ deleted: 0, batches: 1, done: true });
  });
});
