// Account services on a real database: profile, password change (current password re-checked,
// other browsers signed out, throttled like sign-in) and account deletion (hosts leave DNS through
// the outbox, names quarantined, user rows gone, audit kept).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { createHost } from "@/lib/hosts/create-host";
import { setRecords } from "@/lib/hosts/set-records";
import { createClientBlock } from "@/lib/updates/policy/create-client-block";
import { createUpdateKey } from "@/lib/keys/create-update-key";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { seedUser, TEST_PASSWORD } from "@/tests/support/users";
import { changePassword } from "./change-password";
import { deleteAccount } from "./delete-account";
import { updateProfile } from "./update-profile";

let t: TestDatabase;

beforeAll(async () => {
  process.env.DEV_MAIL_OUTBOX = "1";
  t = await createTestDatabase({ useAsDefault: true });
  await t.db.zone.create({ data: { name: "dyn.test" } });
});
afterAll(() => t?.drop());

async function rejects(p: Promise<unknown>): Promise<{ code: string; message: string; field?: string }> {
  const e = await p.then(() => null, (err: unknown) => err);
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) };
}

describe("updateProfile", () => {
  it("sets and clears the name, auditing only real changes", async () => {
    const u = await seedUser(t.db);
    expect(await updateProfile(t.db, { userId: u.id, name: "Zoë", ip: "203.0.113.5" })).toEqual({ name: "Zoë" });
    await updateProfile(t.db, { userId: u.id, name: "Zoë" });
    expect(await updateProfile(t.db, { userId: u.id, name: undefined })).toEqual({ name: null });
    const rows = await t.db.auditLog.findMany({ where: { targetId: u.id, action: "user.profile_update" }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.before, r.after, r.ip])).toEqual([
      [{ name: null }, { name: "Zoë" }, "203.0.113.5"],
      [{ name: "Zoë" }, { name: null }, null],
    ]);
  });
});

describe("changePassword", () => {
  it("needs the current password, keeps this browser, signs out the others and mails the user", async () => {
    const u = await seedUser(t.db);
    const here = await createSession(t.db, { userId: u.id, role: "USER", ip: "203.0.113.6" });
    const there = await createSession(t.db, { userId: u.id, role: "USER", ip: "198.51.100.6" });
    const args = { userId: u.id, keepSessionId: here.id, ip: "203.0.113.6", newPassword: "a new long passphrase" };
    expect(await rejects(changePassword(t.db, { ...args, currentPassword: "not my password" }))).toEqual({
      code: "VALIDATION", field: "currentPassword", message: "This is not your current password.",
    });
    expect(await changePassword(t.db, { ...args, currentPassword: TEST_PASSWORD })).toEqual({ otherSessionsSignedOut: 1 });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: u.id }, select: { passwordHash: true } });
    expect(await verifyPassword(row.passwordHash, "a new long passphrase")).toBe(true);
    const sessions = await t.db.session.findMany({ where: { userId: u.id }, select: { id: true, revokedAt: true } });
    expect(Object.fromEntries(sessions.map((s) => [s.id, s.revokedAt !== null]))).toEqual({ [here.id]: false, [there.id]: true });
    const mail = await t.db.mailMessage.findFirstOrThrow({ where: { to: u.email }, orderBy: { createdAt: "desc" } });
    expect(mail.subject).toBe("Your dynhost password was changed");
  });

  it("counts wrong current passwords like failed sign-ins and stops after ten", async () => {
    const u = await seedUser(t.db);
    const args = { userId: u.id, keepSessionId: "00000000-0000-0000-0000-000000000000", ip: "192.0.2.77", newPassword: "another passphrase" };
    for (let i = 0; i < 10; i++) await rejects(changePassword(t.db, { ...args, currentPassword: `wrong ${i}` }));
    expect(await rejects(changePassword(t.db, { ...args, currentPassword: TEST_PASSWORD }))).toEqual({
      code: "RATE_LIMITED", field: "currentPassword", message: "Too many wrong passwords. Wait a few minutes and try again.",
    });
  });
});

describe("deleteAccount", () => {
  it("takes every host out of DNS, quarantines the names, removes the user and keeps the audit", async () => {
    const u = await seedUser(t.db);
    const actor = { userId: u.id, role: "USER" as const };
    const h1 = await createHost({ ownerId: u.id, zoneName: "dyn.test", label: "gone1", actor, client: t.db });
    await createHost({ ownerId: u.id, zoneName: "dyn.test", label: "gone2", actor, client: t.db });
    await setRecords({ hostId: h1.id, type: "A", values: ["198.51.100.1"], actor, client: t.db });
    await createUpdateKey(t.db, { ownerId: u.id, hostId: h1.id });
    await createClientBlock(t.db, {
      userId: u.id, keyId: null, credential: `user:${u.id}`, reason: "nochg_storm", nochgCount: 31, sourceIp: "203.0.113.9", userAgent: "router/1.0", expiresAt: new Date(Date.now() + 60_000),
    });
    expect(await rejects(deleteAccount(t.db, { userId: u.id, password: "wrong password", ip: "203.0.113.9" }))).toEqual({
      code: "VALIDATION", field: "password", message: "This is not your current password.",
    });

    expect(await deleteAccount(t.db, { userId: u.id, password: TEST_PASSWORD, ip: "203.0.113.9" })).toEqual({ hostsDeleted: ["gone1.dyn.test", "gone2.dyn.test"] });
    expect(await t.db.user.count({ where: { id: u.id } })).toBe(0);
    expect(await t.db.host.count({ where: { ownerId: u.id } })).toBe(0);
    expect(await t.db.updateKey.count({ where: { ownerId: u.id } })).toBe(0);
    expect([await t.db.clientBlock.count({ where: { userId: u.id } }), await t.db.notificationQueue.count({ where: { userId: u.id } })]).toEqual([0, 0]);
    const rrset = await t.db.rRset.findUniqueOrThrow({ where: { name_type: { name: "gone1.dyn.test", type: "A" } } });
    expect({ records: rrset.records, hostId: rrset.hostId }).toEqual({ records: [], hostId: null });
    const outbox = await t.db.dnsOutbox.findMany({ where: { name: "gone1.dyn.test" }, orderBy: { id: "asc" }, select: { type: true, version: true } });
    expect(outbox).toEqual([{ type: "A", version: 1n }, { type: "A", version: 2n }]);
    const tombstones = await t.db.tombstone.findMany({ where: { fqdn: { in: ["gone1.dyn.test", "gone2.dyn.test"] } }, orderBy: { fqdn: "asc" } });
    expect(tombstones.map((x) => [x.fqdn, x.reason])).toEqual([["gone1.dyn.test", "deleted"], ["gone2.dyn.test", "deleted"]]);
    const audit = await t.db.auditLog.findMany({ where: { actorId: u.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["host.create", "host.create", "record.set", "update_key.create", "host.delete", "host.delete", "user.delete"]);
    const last = await t.db.auditLog.findFirstOrThrow({ where: { action: "user.delete", targetId: u.id } });
    expect(last.before).toEqual({ email: u.email, hosts: ["gone1.dyn.test", "gone2.dyn.test"], updateKeys: 1, apiTokens: 0 });
  });

  it("refuses staff accounts", async () => {
    const staff = await seedUser(t.db, { role: "ABUSE" });
    expect(await rejects(deleteAccount(t.db, { userId: staff.id, password: TEST_PASSWORD, ip: "203.0.113.9" }))).toEqual({
      code: "FORBIDDEN", message: "Staff accounts are closed by an administrator.",
    });
  });
});
