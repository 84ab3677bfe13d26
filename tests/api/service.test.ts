// The REST API and liveness through the whole running service (supervisor, worker, embedded DNS,
// web with machine endpoints only): a host created and set over HTTP is answered by DNS, and when
// liveness expires it, DNS stops answering for it. Checked with the real `dig`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLiveness } from "@/lib/liveness/run-liveness";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { seedUser } from "@/lib/hosts/test-fixtures";
import { createTestDatabase, type TestDatabase } from "@/tests/support/db";
import { dig, digFull } from "@/tests/support/dig";
import { removeServiceData, startService, type Service } from "@/tests/support/service";

let t: TestDatabase;
let svc: Service;
let token: string;

beforeAll(async () => {
  t = await createTestDatabase();
  svc = await startService({ databaseUrl: t.url, pages: false, env: { DEFAULT_ZONES: "dyn.test", API_RATE_LIMIT: "0" } });
  const user = await seedUser(t.db, { planId: "free" });
  token = (await createApiToken(t.db, { userId: user.id })).token;
});
afterAll(async () => {
  await svc?.stop();
  if (svc) removeServiceData(svc);
  await t?.drop();
});

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(`${svc.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

async function until<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(v)} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("REST API on the running service", () => {
  let hostId: string;

  it("creates a host and sets its A record; the worker publishes it and dig sees it", async () => {
    const created = await api("POST", "/hosts", { zone: "dyn.test", label: "svc" });
    expect(created.status).toBe(201);
    hostId = created.body.id;
    const put = await api("PUT", `/hosts/${hostId}/records/A`, { ttl: 60, records: ["198.51.100.77"] });
    expect([put.status, put.body.records]).toEqual([200, ["198.51.100.77"]]);
    await until("record live", () => api("GET", `/hosts/${hostId}/records`), (r) => r.body.items[0]?.live === true);
    expect(await dig("127.0.0.1", svc.dnsPort, "svc.dyn.test", "A")).toEqual(["198.51.100.77"]);
    const docs = await fetch(`${svc.url}/api/v1/docs`);
    expect([docs.status, (await docs.text()).includes("/api/v1/hosts/{hostId}/records/{type}")]).toEqual([200, true]);
  });

  it("liveness expiry takes the host out of DNS through the outbox", async () => {
    const host = await t.db.host.findUniqueOrThrow({ where: { id: hostId } });
    const later = new Date(host.createdAt.getTime() + 31 * 86_400_000);
    const r = await runLiveness(t.db, { now: later });
    expect(r.expired).toEqual(["svc.dyn.test"]);
    const answer = await until("NXDOMAIN", () => digFull("127.0.0.1", svc.dnsPort, "svc.dyn.test", "A"), (d) => d.status === "NXDOMAIN");
    expect(answer.answer).toEqual([]);
    const got = await api("GET", `/hosts/${hostId}`);
    expect([got.body.status, got.body.records.map((x: { type: string }) => x.type)]).toEqual(["EXPIRED", ["A"]]);
  });
});
