// Liveness, time-travelled by passing `now`: deadlines follow activity, reminders are mailed once
// per threshold, expiry takes the host out of DNS through the outbox/projection, the emailed link
// restores it, and after the redemption period the name is released into a tombstone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readState } from "@/lib/dns/outbox/claim";
import { projectRRsets } from "@/lib/dns/publish";
import { seedUser, seedZone, write } from "@/lib/hosts/test-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { confirmLivenessLink } from "./redeem";
import { recordLiveness } from "./record-liveness";
import { runLiveness } from "./run-liveness";

const DAY = 86_400_000;
const T0 = new Date("2026-01-01T00:00:00.000Z");
const at = (days: number, minutes = 0) => new Date(T0.getTime() + days * DAY + minutes * 60_000);
const SINKHOLE = { ipv4: "192.0.2.1", ipv6: "100::1", ttl: 60 };

let t: TestDatabase;
let zone: { id: string; name: string };

beforeAll(async () => {
  t = await createTestDatabase({ useAsDefault: true });
  zone = await seedZone(t.db);
});
afterAll(() => t?.drop());

async function freeHost(label: string, plan = "free") {
  const user = await seedUser(t.db, { planId: plan });
  await t.db.user.update({ where: { id: user.id }, data: { createdAt: T0 } });
  const host = await t.db.host.create({ data: { zoneId: zone.id, label, fqdn: `${label}.${zone.name}`, ownerId: user.id, createdAt: T0 } });
  await write(t.db, zone, host.id, [{ name: host.fqdn, type: "A", ttl: 60, records: ["198.51.100.10"] }]);
  return { user, host };
}

const mails = (to: string) => t.db.mailMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" }, select: { subject: true, text: true } });
const published = async (fqdn: string) => {
  const s = await t.db.$transaction((tx) => readState(tx, [fqdn]));
  return projectRRsets(s.rows, s.hosts, SINKHOLE);
};

describe("liveness", () => {
  let alice: Awaited<ReturnType<typeof freeHost>>;
  let plus: Awaited<ReturnType<typeof freeHost>>;

  beforeAll(async () => {
    alice = await freeHost("alice");
    plus = await freeHost("paying", "plus");
  });

  it("gives a free host a deadline 30 days after its last activity; paid hosts get none", async () => {
    const r = await runLiveness(t.db, { now: at(1) });
    expect(r).toEqual({ deadlinesMoved: 1, remindersMailed: 0, expired: [], released: [] });
    expect((await t.db.host.findUniqueOrThrow({ where: { id: alice.host.id } })).expiresAt).toEqual(at(30));
    expect((await t.db.host.findUniqueOrThrow({ where: { id: plus.host.id } })).expiresAt).toBeNull();
  });

  it("mails the 7-day reminder once, however often the job runs", async () => {
    expect((await runLiveness(t.db, { now: at(22, 1439) })).remindersMailed).toBe(0);
    const [a, b] = await Promise.all([runLiveness(t.db, { now: at(23, 1) }), runLiveness(t.db, { now: at(23, 1) })]);
    expect(a.remindersMailed + b.remindersMailed).toBe(1);
    expect((await runLiveness(t.db, { now: at(25) })).remindersMailed).toBe(0);
    const m = await mails(alice.user.email);
    expect(m.map((x) => x.subject)).toEqual(["alice.dyn.test expires in 7 days"]);
    expect(m[0]!.text).toContain("will stop resolving on 2026-01-31 (UTC)");
    expect(m[0]!.text).toMatch(/\/liveness\?token=[A-Za-z0-9_-]{43}\n/);
  });

  it("mails the 1-day reminder once", async () => {
    expect((await runLiveness(t.db, { now: at(29, 1) })).remindersMailed).toBe(1);
    expect((await runLiveness(t.db, { now: at(29, 600) })).remindersMailed).toBe(0);
    expect((await mails(alice.user.email)).map((x) => x.subject)).toEqual(["alice.dyn.test expires in 7 days", "alice.dyn.test expires tomorrow"]);
    expect(await t.db.livenessReminder.count({ where: { hostId: alice.host.id } })).toBe(2);
  });

  it("expires the host at its deadline: EXPIRED, republished, gone from the DNS projection, mailed once", async () => {
    expect(await published("alice.dyn.test")).toEqual([{ name: "alice.dyn.test", type: "A", ttl: 60, records: ["198.51.100.10"] }]);
    const outboxBefore = await t.db.dnsOutbox.count({ where: { name: "alice.dyn.test" } });
    const r = await runLiveness(t.db, { now: at(30, 1) });
    expect(r.expired).toEqual(["alice.dyn.test"]);
    const h = await t.db.host.findUniqueOrThrow({ where: { id: alice.host.id } });
    expect([h.status, h.statusReason]).toEqual(["EXPIRED", "No activity for 30 days: confirm the host to bring it back."]);
    const queued = await t.db.dnsOutbox.findMany({ where: { name: "alice.dyn.test" }, orderBy: { id: "asc" }, select: { type: true } });
    expect(queued.slice(outboxBefore).map((q) => q.type).sort()).toEqual(["A", "AAAA"]);
    expect(await published("alice.dyn.test")).toEqual([]);
    expect((await runLiveness(t.db, { now: at(31) })).expired).toEqual([]);
    const m = await mails(alice.user.email);
    expect(m.map((x) => x.subject)).toEqual(["alice.dyn.test expires in 7 days", "alice.dyn.test expires tomorrow", "alice.dyn.test has expired"]);
    expect(m[2]!.text).toContain("until 2026-03-02 (UTC)");
    const audit = await t.db.auditLog.findFirst({ where: { action: "host.expire", targetId: alice.host.id } });
    expect(audit?.actorRole).toBe("system");
  });

  it("the emailed link brings an expired host back into DNS within the redemption period", async () => {
    const text = (await mails(alice.user.email)).at(-1)!.text;
    const token = /\/liveness\?token=([A-Za-z0-9_-]{43})/.exec(text)![1]!;
    const r = await confirmLivenessLink(t.db, { token, now: at(40) });
    expect(r).toEqual({ userId: alice.user.id, kept: 0, restored: ["alice.dyn.test"] });
    const h = await t.db.host.findUniqueOrThrow({ where: { id: alice.host.id } });
    expect([h.status, h.statusReason, h.expiresAt]).toEqual(["ACTIVE", null, at(70)]);
    expect(await published("alice.dyn.test")).toEqual([{ name: "alice.dyn.test", type: "A", ttl: 60, records: ["198.51.100.10"] }]);
    await expect(confirmLivenessLink(t.db, { token, now: at(40) })).rejects.toMatchObject({ code: "NOT_FOUND", field: "token" });
  });

  it("counts update events (even nochg), sessions and explicit signals as activity", async () => {
    const bob = await freeHost("bob");
    const carol = await freeHost("carol");
    const dave = await freeHost("dave");
    await t.db.updateEvent.create({ data: { hostId: bob.host.id, fqdn: "bob.dyn.test", protocol: "dyndns2", sourceIp: "198.51.100.1", params: {}, result: "nochg", latencyMs: 1, createdAt: at(20) } });
    await t.db.updateEvent.create({ data: { hostId: dave.host.id, fqdn: "dave.dyn.test", protocol: "dyndns2", sourceIp: "198.51.100.1", params: {}, result: "badauth", latencyMs: 1, createdAt: at(20) } });
    await t.db.session.create({ data: { userId: carol.user.id, createdAt: at(21), lastSeenAt: at(21), expiresAt: at(51) } });
    await runLiveness(t.db, { now: at(23, 1) });
    const deadline = async (id: string) => (await t.db.host.findUniqueOrThrow({ where: { id } })).expiresAt;
    expect(await deadline(bob.host.id)).toEqual(at(50));
    expect(await deadline(carol.host.id)).toEqual(at(51));
    expect(await deadline(dave.host.id)).toEqual(at(30));
    expect((await mails(dave.user.email)).map((m) => m.subject)).toEqual(["dave.dyn.test expires in 7 days"]);
    expect(await mails(bob.user.email)).toEqual([]);
    expect(await recordLiveness(t.db, { userId: dave.user.id, now: at(24) })).toBe(1);
    expect(await deadline(dave.host.id)).toEqual(at(54));
    // A new deadline starts a new cycle: its reminders are due again.
    expect((await runLiveness(t.db, { now: at(47, 1) })).remindersMailed).toBeGreaterThanOrEqual(1);
    expect((await mails(dave.user.email)).map((m) => m.subject)).toEqual(["dave.dyn.test expires in 7 days", "dave.dyn.test expires in 7 days"]);
  });

  it("respects an opt-out of expiry mails but still expires", async () => {
    const erin = await freeHost("erin");
    await t.db.notificationPreference.create({ data: { userId: erin.user.id, event: "expiry_warning", email: false } });
    await runLiveness(t.db, { now: at(1) });
    await runLiveness(t.db, { now: at(29, 1) });
    await runLiveness(t.db, { now: at(30, 1) });
    expect((await t.db.host.findUniqueOrThrow({ where: { id: erin.host.id } })).status).toBe("EXPIRED");
    expect(await mails(erin.user.email)).toEqual([]);
  });

  it("releases a host after 30 days of redemption: records deleted via the outbox, host gone, name quarantined", async () => {
    const erin = await t.db.host.findFirstOrThrow({ where: { fqdn: "erin.dyn.test" } });
    expect((await runLiveness(t.db, { now: at(59, 1380) })).released).toEqual([]);
    const r = await runLiveness(t.db, { now: at(60, 1) });
    expect(r.released).toContain("erin.dyn.test");
    expect(await t.db.host.findUnique({ where: { id: erin.id } })).toBeNull();
    expect(await t.db.rRset.findUnique({ where: { name_type: { name: "erin.dyn.test", type: "A" } }, select: { records: true, hostId: true } })).toEqual({ records: [], hostId: null });
    const tomb = await t.db.tombstone.findUniqueOrThrow({ where: { fqdn: "erin.dyn.test" } });
    expect([tomb.reason, tomb.until]).toEqual(["liveness_released", at(67, 1)]);
    expect(await published("erin.dyn.test")).toEqual([]);
    expect((await runLiveness(t.db, { now: at(61) })).released).toEqual([]);
  });
});
