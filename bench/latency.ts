// 1. Update → answer latency: GET /nic/update with a new address, then ask the DNS backend every
// ~1 ms until it answers that address. Embedded server and PowerDNS (packet cache on).
import { readFileSync } from "node:fs";
import path from "node:path";
import { DnsClient } from "./support/dns-query";
import { accountKey, basicAuth, get, seedPublished, waitPublished } from "./support/fixtures";
import { Histogram, msSince } from "./support/histogram";
import { startBenchService, withScope, type BenchService } from "./support/service";
import { notMeasured, orError, result, skipped, type BenchContext, type Benchmark, type Goal, type Result } from "./types";

const P50: Goal = { op: "<=", value: 50 };
const P99: Goal = { op: "<=", value: 250 };
const HOSTS = 20;

// The worker's own view (commit → backend confirmed), from its next heartbeat row.
async function workerPushLatency(bs: BenchService): Promise<{ p50: number; p99: number } | null> {
  const after = new Date();
  for (let i = 0; i < 80; i++) {
    const beat = await bs.db.workerHeartbeat.findFirst({ where: { beatAt: { gt: after } }, orderBy: { beatAt: "desc" } });
    const p = (beat?.stats as { dns?: { pushLatencyMs?: { p50: number | null; p99: number | null } } } | undefined)?.dns?.pushLatencyMs;
    if (p) return p.p50 === null || p.p99 === null ? null : { p50: p.p50, p99: p.p99 };
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

// What DNS and the database say about a name that did not show its update.
async function diagnose(bs: BenchService, dns: DnsClient, name: string): Promise<string> {
  const answer = await dns.queryA(name, 2000);
  const rrset = await bs.db.rRset.findUnique({ where: { name_type: { name, type: "A" } }, select: { records: true, version: true, publishedVersion: true } });
  const outbox = await bs.db.dnsOutbox.findMany({ where: { name }, select: { version: true, status: true, attempts: true, lastError: true } });
  const upperCase = await dns.queryA(name.toUpperCase(), 2000); // another cache key in the embedded server's reply cache
  const store = bs.pdns ? "n/a" : await embeddedStore(bs, name);
  return JSON.stringify({ dns: answer, dnsUpperCase: upperCase, embeddedStore: store, rrset, outbox }, (_, v: unknown) => (typeof v === "bigint" ? Number(v) : v));
}

// The embedded server's own state for `name` (its control API), bypassing its reply cache.
async function embeddedStore(bs: BenchService, name: string): Promise<unknown> {
  const key = readFileSync(path.join(bs.svc.dataDir, "dns-control-key"), "utf8").trim();
  const res = await fetch(`http://127.0.0.1:${bs.svc.env.DNS_CONTROL_PORT}/v1/zones/dyn.test/rrsets?name=${name}`, { headers: { authorization: `Bearer ${key}` } });
  return res.ok ? ((await res.json()) as { rrsets: unknown }).rrsets : `HTTP ${res.status}`;
}

async function measure(ctx: BenchContext, provider: "embedded" | "powerdns"): Promise<Result[]> {
  const name = `latency.${provider}`;
  const specs = [{ name: `${name}.p50`, unit: "ms", goal: P50 }, { name: `${name}.p99`, unit: "ms", goal: P99 }];
  const rows = (note: string) => specs.map((r) => notMeasured(r.name, r.unit, r.goal, note));
  if (provider === "powerdns" && !ctx.tools.pdns) return rows("skipped: PowerDNS not installed (apt-get install pdns-server pdns-backend-sqlite3)");
  return orError(specs, ctx.log, () => withScope(ctx, async (scope) => {
    const bs = await startBenchService(ctx, scope, { provider });
    const seeded = await seedPublished(bs, "lat", HOSTS, (i) => `192.0.2.${i + 1}`);
    await waitPublished(bs, "lat");
    const auth = basicAuth("bench", await accountKey(bs, seeded.ownerId));
    const probe = await get(bs, `/nic/update?hostname=lat0.dyn.test&myip=203.0.113.1`, { authorization: auth });
    if (probe.status === 404) return rows(skipped("/nic/update", `GET /nic/update answered HTTP 404`));
    const dns = new DnsClient(bs.dnsPort);
    scope.add("dns client", () => dns.close());
    const sampler = bs.sampler(name);
    const total = new Histogram();
    const http = new Histogram();
    const late: string[] = []; // answered, but more than 1 s after the update (e.g. a stale cached answer)
    const iterations = ctx.quick ? 30 : 300;
    const warmup = 5;
    for (let i = 0; i < iterations + warmup; i++) {
      const host = `lat${i % HOSTS}.dyn.test`;
      const ip = `198.51.100.${1 + (i % 250)}`;
      const t0 = process.hrtime.bigint();
      const res = await get(bs, `/nic/update?hostname=${host}&myip=${ip}`, { authorization: auth });
      const httpMs = msSince(t0);
      if (!res.body.startsWith("good")) throw new Error(`/nic/update answered ${res.status} "${res.body.trim()}" for ${host} ${ip}`);
      const at = await dns.pollUntil(host, ip, { everyMs: 1, timeoutMs: 30_000 });
      if (at === null) throw new Error(`${host} did not answer ${ip} within 30 s after the update: ${await diagnose(bs, dns, host)}`);
      if (i < warmup) continue;
      const ms = Number(at - t0) / 1e6;
      if (ms > 1000) late.push(`${host} ${(ms / 1000).toFixed(1)} s`);
      total.record(ms);
      http.record(httpMs);
    }
    const rss = sampler.stop();
    const t = total.summary();
    const h = http.summary();
    const push = await workerPushLatency(bs);
    const note =
      `n=${t.count}, p95 ${t.p95.toFixed(1)} ms, max ${t.max.toFixed(1)} ms; HTTP answer p50 ${h.p50.toFixed(1)} ms, p99 ${h.p99.toFixed(1)} ms` +
      (push ? `; worker commit→applied p50 ${push.p50} ms, p99 ${push.p99} ms` : "") +
      (late.length ? `; ${late.length} answered after more than 1 s (${late.slice(0, 3).join(", ")})` : "");
    ctx.log(`${name}: ${note}; peak RSS web ${rss.web?.toFixed(0)} MiB`);
    return [result(`${name}.p50`, t.p50, "ms", P50, { note }), result(`${name}.p99`, t.p99, "ms", P99)];
  }));
}

export const latency: Benchmark = {
  name: "latency",
  title: "update → answer latency (/nic/update → DNS answers the new address)",
  async run(ctx) {
    return [...(await measure(ctx, "embedded")), ...(await measure(ctx, "powerdns"))];
  },
};
