// Webhooks end to end against a real HTTP receiver on loopback: signed deliveries the receiver
// verifies, retries with exponential backoff on 500, the delivery log, timeouts, the private-address
// guard; and mail notifications following the user's preferences.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { seedUser } from "@/lib/hosts/test-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { backoffMs, deliverDueWebhooks, MAX_ATTEMPTS } from "./deliver-webhooks";
import { notifyHostStatusChanged, notifyIpChanged, notifyUpdateFailed } from "./host-events";
import { listWebhookDeliveries } from "./list-webhook-deliveries";
import { getNotificationPreferences, setNotificationPreferences } from "./preferences";
import { verifyWebhookSignature } from "./sign";
import { createWebhook, deleteWebhook, listWebhooks, pingWebhook } from "./webhooks";

type Received = { headers: http.IncomingHttpHeaders; body: string };

let t: TestDatabase;
let server: http.Server;
let url: string;
const received: Received[] = [];
let answers: number[] = [];
let hang = false;

function setEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

beforeAll(async () => {
  t = await createTestDatabase({ useAsDefault: true });
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      if (hang) return;
      res.writeHead(answers.shift() ?? 200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  setEnv({ WEBHOOK_ALLOW_PRIVATE: "1", WEBHOOK_TIMEOUT_MS: "500" });
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  setEnv({ WEBHOOK_ALLOW_PRIVATE: undefined, WEBHOOK_TIMEOUT_MS: undefined });
  await t?.drop();
});
beforeEach(() => {
  received.length = 0;
  answers = [];
  hang = false;
});

describe("webhooks", () => {
  let user: { id: string; email: string };
  let hook: { id: string; secret: string };

  beforeAll(async () => {
    user = await seedUser(t.db, { planId: "plus" });
    hook = await createWebhook(t.db, { userId: user.id, url });
  });

  it("validates the endpoint and the plan", async () => {
    const free = await seedUser(t.db, { planId: "free" });
    await expect(createWebhook(t.db, { userId: free.id, url })).rejects.toMatchObject({ code: "PLAN_LIMIT", message: "Webhooks are not included in your plan." });
    await expect(createWebhook(t.db, { userId: user.id, url: "ftp://x.example/" })).rejects.toMatchObject({ code: "VALIDATION", field: "url" });
    await expect(createWebhook(t.db, { userId: user.id, url, events: ["host.deleted"] })).rejects.toMatchObject({ code: "VALIDATION", field: "events" });
    setEnv({ WEBHOOK_ALLOW_PRIVATE: "0" });
    try {
      for (const u of ["http://127.0.0.1:9/x", "http://[::1]/x", "http://10.1.2.3/", "http://localhost/x"]) {
        await expect(createWebhook(t.db, { userId: user.id, url: u }), u).rejects.toMatchObject({
          code: "VALIDATION", message: "Webhook URLs must point to a public address.", field: "url",
        });
      }
    } finally {
      setEnv({ WEBHOOK_ALLOW_PRIVATE: "1" });
    }
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect((await listWebhooks(t.db, { userId: user.id })).map((w) => w.url)).toEqual([url]);
  });

  it("delivers a signed event the receiver can verify", async () => {
    const n = await notifyIpChanged(t.db, { userId: user.id, hostId: "h1", fqdn: "a.dyn.test", type: "A", before: ["198.51.100.1"], after: ["198.51.100.2"] });
    expect(n).toEqual({ mailed: false, webhooks: 1 });
    expect(await deliverDueWebhooks(t.db)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["dynhost-event"]).toBe("host.ip_changed");
    expect(verifyWebhookSignature({ secret: hook.secret, body, timestamp: headers["dynhost-timestamp"] as string, signature: headers["dynhost-signature"] as string })).toBe(true);
    expect(verifyWebhookSignature({ secret: "whsec_wrong", body, timestamp: headers["dynhost-timestamp"] as string, signature: headers["dynhost-signature"] as string })).toBe(false);
    expect(verifyWebhookSignature({ secret: hook.secret, body: body + " ", timestamp: headers["dynhost-timestamp"] as string, signature: headers["dynhost-signature"] as string })).toBe(false);
    const parsed = JSON.parse(body);
    expect(parsed).toMatchObject({ id: headers["dynhost-delivery"], event: "host.ip_changed", data: { hostId: "h1", fqdn: "a.dyn.test", type: "A", before: ["198.51.100.1"], after: ["198.51.100.2"] } });
    const row = await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: BigInt(parsed.id) } });
    expect([row.status, row.attempts, row.responseStatus, row.lastError]).toEqual(["DELIVERED", 1, 200, null]);
    expect(await deliverDueWebhooks(t.db)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  });

  it("retries on 500 with exponential backoff until delivered, and logs each outcome", async () => {
    answers = [500, 500, 200];
    const t0 = new Date(Date.now() + 1000);
    await notifyHostStatusChanged(t.db, { userId: user.id, hostId: "h2", fqdn: "b.dyn.test", from: "ACTIVE", to: "EXPIRED", now: t0 });
    expect(await deliverDueWebhooks(t.db, { now: t0 })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    const [row1] = await t.db.webhookDelivery.findMany({ where: { event: "host.status_changed" } });
    expect([row1!.status, row1!.attempts, row1!.responseStatus, row1!.lastError]).toEqual(["PENDING", 1, 500, "HTTP 500"]);
    expect(row1!.nextAttemptAt).toEqual(new Date(t0.getTime() + 30_000));
    expect(await deliverDueWebhooks(t.db, { now: new Date(t0.getTime() + 29_000) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(await deliverDueWebhooks(t.db, { now: new Date(t0.getTime() + 30_000) })).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    const row2 = await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: row1!.id } });
    expect([row2.attempts, row2.nextAttemptAt]).toEqual([2, new Date(t0.getTime() + 90_000)]);
    expect(await deliverDueWebhooks(t.db, { now: new Date(t0.getTime() + 90_000) })).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    const done = await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: row1!.id } });
    expect([done.status, done.attempts, done.responseStatus, done.lastError]).toEqual(["DELIVERED", 3, 200, null]);
    expect(received.map((r) => r.headers["dynhost-delivery"])).toEqual([row1!.id.toString(), row1!.id.toString(), row1!.id.toString()]);
    expect([1, 2, 3, 4, 10, 20].map(backoffMs)).toEqual([30_000, 60_000, 120_000, 240_000, 15_360_000, 21_600_000]);
  });

  it("gives up after MAX_ATTEMPTS, records timeouts, and lists the log newest first", async () => {
    hang = true;
    await notifyHostStatusChanged(t.db, { userId: user.id, hostId: "h3", fqdn: "c.dyn.test", from: "ACTIVE", to: "SUSPENDED" });
    const pending = await t.db.webhookDelivery.findFirstOrThrow({ where: { status: "PENDING" } });
    await t.db.webhookDelivery.update({ where: { id: pending.id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    expect(await deliverDueWebhooks(t.db)).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    const failed = await t.db.webhookDelivery.findUniqueOrThrow({ where: { id: pending.id } });
    expect([failed.status, failed.attempts, failed.responseStatus, failed.lastError]).toEqual(["FAILED", MAX_ATTEMPTS, null, "no answer within 500 ms"]);
    const page1 = await listWebhookDeliveries(t.db, { userId: user.id, webhookId: hook.id, limit: 2 });
    expect(page1.items.map((d) => d.status)).toEqual(["FAILED", "DELIVERED"]);
    const page2 = await listWebhookDeliveries(t.db, { userId: user.id, webhookId: hook.id, cursor: page1.nextCursor, limit: 2 });
    expect([page2.items.map((d) => d.event), page2.nextCursor]).toEqual([["host.ip_changed"], null]);
    const other = await seedUser(t.db, { planId: "plus" });
    await expect(listWebhookDeliveries(t.db, { userId: other.id, webhookId: hook.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("pings a webhook on demand", async () => {
    const { deliveryId } = await pingWebhook(t.db, { userId: user.id, webhookId: hook.id });
    expect(await deliverDueWebhooks(t.db)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(JSON.parse(received[0]!.body)).toMatchObject({ id: deliveryId, event: "ping", data: {} });
    await t.db.webhookDelivery.delete({ where: { id: BigInt(deliveryId) } });
    const stranger = await seedUser(t.db, { planId: "plus" });
    await expect(pingWebhook(t.db, { userId: stranger.id, webhookId: hook.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses to connect to a private address at delivery time when they are not allowed", async () => {
    await notifyHostStatusChanged(t.db, { userId: user.id, hostId: "h4", fqdn: "d.dyn.test", from: "SUSPENDED", to: "ACTIVE" });
    setEnv({ WEBHOOK_ALLOW_PRIVATE: "0" });
    try {
      expect(await deliverDueWebhooks(t.db)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    } finally {
      setEnv({ WEBHOOK_ALLOW_PRIVATE: "1" });
    }
    const row = await t.db.webhookDelivery.findFirstOrThrow({ where: { status: "PENDING" } });
    expect(row.lastError).toBe("127.0.0.1 is not a public address");
    expect(received).toEqual([]);
    await deleteWebhook(t.db, { userId: user.id, webhookId: hook.id });
    expect(await t.db.webhookDelivery.count()).toBe(0);
  });
});

describe("mail preferences", () => {
  it("defaults, opt-in and opt-out decide whether a notification is mailed", async () => {
    const u = await seedUser(t.db, { planId: "free" });
    expect(await getNotificationPreferences(t.db, { userId: u.id })).toEqual({
      ip_changed: false, update_failed: false, blocked: true, expiry_warning: true, abuse_action: true, billing: true,
    });
    const ip = { userId: u.id, hostId: "h", fqdn: "e.dyn.test", type: "A" as const, before: [], after: ["198.51.100.9"] };
    expect(await notifyIpChanged(t.db, ip)).toEqual({ mailed: false, webhooks: 0 });
    await setNotificationPreferences(t.db, { userId: u.id, email: { ip_changed: true, billing: false } });
    expect(await notifyIpChanged(t.db, ip)).toEqual({ mailed: true, webhooks: 0 });
    const mails = await t.db.mailMessage.findMany({ where: { to: u.email } });
    expect(mails.map((m) => m.subject)).toEqual(["e.dyn.test now points to 198.51.100.9"]);
    expect(mails[0]!.text).toContain("changed from (none) to 198.51.100.9");
    expect((await getNotificationPreferences(t.db, { userId: u.id })).billing).toBe(false);
    await expect(setNotificationPreferences(t.db, { userId: u.id, email: { spam: true } })).rejects.toMatchObject({ code: "VALIDATION", field: "event" });
    await setNotificationPreferences(t.db, { userId: u.id, email: { update_failed: true } });
    const failure = { userId: u.id, fqdn: "e.dyn.test", result: "abuse", reason: "host is suspended", now: new Date("2026-05-01T00:00:00Z") };
    expect((await notifyUpdateFailed(t.db, failure)).mailed).toBe(true);
    expect((await notifyUpdateFailed(t.db, { ...failure, now: new Date("2026-05-01T00:59:00Z") })).mailed).toBe(false);
    expect((await notifyUpdateFailed(t.db, { ...failure, now: new Date("2026-05-01T01:00:00Z") })).mailed).toBe(true);
    expect(await t.db.mailMessage.count({ where: { to: u.email, subject: "An update of e.dyn.test was refused (abuse)" } })).toBe(2);
  });
});
