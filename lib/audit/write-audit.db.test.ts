import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { verifyAuditChain, writeAudit } from "./write-audit";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

describe("audit log hash chain", () => {
  it("chains rows and detects an edited row", async () => {
    for (const action of ["zone.add", "user.create", "host.suspend"]) {
      await t.db.$transaction((tx) =>
        writeAudit(tx, { action, targetType: "test", targetId: action, after: { ttl: 60, type: "A", records: ["192.0.2.1"], n: action.length } }),
      );
    }
    const rows = await t.db.auditLog.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["zone.add", "user.create", "host.suspend"]);
    expect(rows[0].prevHash).toBe("0".repeat(64));
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(rows[2].prevHash).toBe(rows[1].hash);
    expect(await verifyAuditChain(t.db)).toBeNull();

    await t.db.$executeRaw`UPDATE "AuditLog" SET "targetId" = 'tampered' WHERE id = ${rows[1].id}`;
    expect(await verifyAuditChain(t.db)).toBe(rows[1].id);
  });
});
