// The update path's notifications end to end through the router: a "good" update that changes the
// address queues an ip_changed row only for a user who wants it (mail preference or webhook), the
// worker's notifyQueued mails once (every changed type in one mail), queues one signed webhook per
// type, and deletes the row; refusals reach users who asked for update_failed mails.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { listUpdateHistory } from "@/lib/history/list-update-history";
import { drainUpdateEvents } from "@/lib/updates/events/update-events";
import { basic, call, configure, seedAccount, seedHost, seedKey } from "@/lib/updates/test-support";
import { notifyQueued } from "./notify-queued";

let t: TestDatabase;
let zone: { id: string; name: string };

beforeAll(async () => {
  t = await createTestDatabase({ useAsDefault: true });
  zone = await t.db.zone.create({ data: { name: "dyn.test" } });
});
afterAll(async () => {
  await drainUpdateEvents();
  await t?.drop();
});
beforeEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.UPDATE_EVENTS_FLUSH_MS;
  configure({ UPDATE_HOST_BURST: "0", NOCHG_BLOCK_THRESHOLD: "0" });
});

async function account(label: string, prefs: Record<string, boolean>, webhookEvents: string[] | null = null) {
  const user = await seedAccount(t.db, { planId: "plus" });
  for (const [event, email] of Object.entries(prefs)) await t.db.notificationPreference.create({ data: { userId: user.id, event, email } });
  if (webhookEvents) await t.db.webhook.create({ data: { userId: user.id, url: "https://hooks.example.test/in", secret: "whsec_test", events: webhookEvents } });
  const host = await seedHost(t.db, zone, user.id, label);
  const key = (await seedKey(t.db, { ownerId: user.id, hostId: host.id })).secret;
  const update = async (qs: string) => (await call(`/nic/update?hostname=${label}.dyn.test&${qs}`, { auth: basic(`${label}.dyn.test`, key), ip: "198.51.100.77" })).body;
  return { user, host, update };
}

const queued = async (userId: string) => {
  await drainUpdateEvents();
  const rows = await t.db.notificationQueue.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { kind: true, payload: true } });
  return rows.map((r) => ({ kind: r.kind, payload: r.payload as Record<string, unknown> }));
};

describe("update notifications", () => {
  it("ip_changed: queued for a user who wants the mail, one mail for both families, one webhook event per type, row deleted", async () => {
    const a = await account("notify-a", { ip_changed: true }, ["host.ip_changed"]);
    expect(await a.update("myip=203.0.113.1,2001:db8::1")).toBe("good 203.0.113.1,2001:db8::1");
    expect(await a.update("myip=203.0.113.1,2001:db8::1")).toBe("nochg 203.0.113.1,2001:db8::1");
    const rows = await queued(a.user.id);
    expect(rows).toEqual([
      {
        kind: "ip_changed",
        payload: {
          hostId: a.host.id, fqdn: "notify-a.dyn.test", result: "good", reason: null, sourceIp: "198.51.100.77", at: expect.any(String),
          changes: [{ type: "A", before: [], after: ["203.0.113.1"] }, { type: "AAAA", before: [], after: ["2001:db8::1"] }],
        },
      },
    ]);
    const event = await t.db.updateEvent.findFirstOrThrow({ where: { hostId: a.host.id, result: "good" } });
    expect(event.changes).toEqual(rows[0]!.payload.changes);
    // The host's history shows the same change (nochg lines carry none).
    const history = await listUpdateHistory(t.db, { userId: a.user.id, hostId: a.host.id });
    expect(history.items.map((i) => [i.result, i.changes])).toEqual([["nochg", null], ["good", rows[0]!.payload.changes]]);

    expect(await notifyQueued(t.db)).toEqual({ claimed: 1, mailed: 1, webhooks: 2 });
    expect(await t.db.notificationQueue.count({ where: { userId: a.user.id } })).toBe(0);
    const mails = await t.db.mailMessage.findMany({ where: { to: a.user.email } });
    expect(mails.map((m) => m.subject)).toEqual(["notify-a.dyn.test now points to 203.0.113.1 and 2001:db8::1"]);
    expect(mails[0]!.text).toContain("The A records of notify-a.dyn.test changed from (none) to 203.0.113.1.\nThe AAAA records of notify-a.dyn.test changed from (none) to 2001:db8::1.\n(update from 198.51.100.77)");
    const hooks = await t.db.webhookDelivery.findMany({ where: { webhook: { userId: a.user.id } }, orderBy: { id: "asc" }, select: { event: true, payload: true } });
    expect(hooks).toEqual([
      { event: "host.ip_changed", payload: { hostId: a.host.id, fqdn: "notify-a.dyn.test", type: "A", before: [], after: ["203.0.113.1"] } },
      { event: "host.ip_changed", payload: { hostId: a.host.id, fqdn: "notify-a.dyn.test", type: "AAAA", before: [], after: ["2001:db8::1"] } },
    ]);

    // The next change carries the old address as "before"; a second run finds nothing left.
    expect(await a.update("myip=203.0.113.2")).toBe("good 203.0.113.2,2001:db8::1");
    expect((await queued(a.user.id)).map((r) => r.payload.changes)).toEqual([[{ type: "A", before: ["203.0.113.1"], after: ["203.0.113.2"] }]]);
    expect(await notifyQueued(t.db)).toEqual({ claimed: 1, mailed: 1, webhooks: 1 });
    expect(await notifyQueued(t.db)).toEqual({ claimed: 0, mailed: 0, webhooks: 0 });
  });

  it("a webhook subscription alone queues it (no mail); a user who wants nothing queues nothing", async () => {
    const hook = await account("notify-b", {}, ["host.ip_changed"]);
    const quiet = await account("notify-c", {}, ["host.status_changed"]);
    expect(await hook.update("myip=203.0.113.3")).toBe("good 203.0.113.3");
    expect(await quiet.update("myip=203.0.113.4")).toBe("good 203.0.113.4");
    expect((await queued(hook.user.id)).map((r) => r.kind)).toEqual(["ip_changed"]);
    expect(await queued(quiet.user.id)).toEqual([]);
    expect(await notifyQueued(t.db)).toEqual({ claimed: 1, mailed: 0, webhooks: 1 });
  });

  it("update_failed: a refused update of a suspended host is mailed to a user who asked, with the reason in words", async () => {
    const a = await account("notify-d", { update_failed: true });
    await t.db.host.update({ where: { id: a.host.id }, data: { status: "SUSPENDED" } });
    // Three refused requests written in one batch owe one row (no timed flush in between).
    configure({ UPDATE_HOST_BURST: "0", NOCHG_BLOCK_THRESHOLD: "0", UPDATE_EVENTS_FLUSH_MS: "60000" });
    for (let i = 0; i < 3; i++) expect(await a.update("myip=203.0.113.5")).toBe("abuse");
    expect((await queued(a.user.id)).map((r) => [r.kind, r.payload.result, r.payload.reason])).toEqual([["update_failed", "abuse", "host_suspended"]]);
    expect(await notifyQueued(t.db)).toEqual({ claimed: 1, mailed: 1, webhooks: 0 });
    const [mail] = await t.db.mailMessage.findMany({ where: { to: a.user.email } });
    expect(mail!.subject).toBe("An update of notify-d.dyn.test was refused (abuse)");
    expect(mail!.text).toContain(`An update request for notify-d.dyn.test from 198.51.100.77 was answered "abuse": Staff suspended this hostname: its records cannot be changed.`);
  });

  it("blocked: a nochg storm's client block is mailed by default (the preference is on unless turned off)", async () => {
    configure({ UPDATE_HOST_BURST: "0", NOCHG_BLOCK_THRESHOLD: "2" });
    const a = await account("notify-e", {});
    expect(await a.update("myip=203.0.113.6")).toBe("good 203.0.113.6");
    for (let i = 0; i < 3; i++) expect(await a.update("myip=203.0.113.6")).toBe("nochg 203.0.113.6");
    let rows: Awaited<ReturnType<typeof queued>> = [];
    for (const until = Date.now() + 5000; rows.length === 0 && Date.now() < until; ) {
      rows = await queued(a.user.id);
      if (rows.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    const block = await t.db.clientBlock.findFirstOrThrow({ where: { userId: a.user.id } });
    expect(rows).toEqual([{ kind: "blocked", payload: { credential: block.credential, until: block.expiresAt.toISOString(), reason: "nochg_storm" } }]);
    expect(await notifyQueued(t.db)).toEqual({ claimed: 1, mailed: 1, webhooks: 0 });
    const [mail] = await t.db.mailMessage.findMany({ where: { to: a.user.email } });
    expect(mail!.subject).toBe("An update client of yours was paused");
    expect(mail!.text).toContain(`Updates with ${block.credential} are refused until ${block.expiresAt.toISOString()} (UTC): The client kept sending the address that was already set; it is blocked for a while.\n`);
  });
});
