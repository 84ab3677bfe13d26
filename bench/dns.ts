// 4. DNS serving: dnsperf against 10 000 names on the embedded server and on PowerDNS (packet cache
// on) in the same run → queries/s and the ratio (goal: embedded ≥ 0.5× PowerDNS). Then a bulk change
// of 10 000 OTHER names is written (one transaction, not yet committed), and one long dnsperf run on
// the same names goes: a few seconds alone, the commit and the push until every changed name is
// published, a few seconds alone again. The rate during the push, from dnsperf's per-second counts,
// may be at most 10 % below the rate alone. The same again with dnsperf capped at half the rate the
// server reached alone (informative: are the other names still all answered below saturation?).
import os from "node:os";
import { ipOf } from "@/scripts/seed-hosts";
import { newIp } from "./bulk";
import { bulkSetA, loadBulkHosts } from "./support/bulk-change";
import { rateInside, runDnsperf, startDnsperf, type DnsperfResult, type DnsperfRun } from "./support/dnsperf";
import { seedPublished, waitPublished } from "./support/fixtures";
import type { Cleanup } from "./support/cleanup";
import { startBenchService, withScope, type BenchService } from "./support/service";
import { notMeasured, result, type BenchContext, type Benchmark, type Result } from "./types";

type During = { during: number; alone: number; worst: number; txS: number; bulkS: number; lost: number };
type Measured = During & { base: DnsperfResult; names: number; half: During };

const describe = (r: DnsperfResult) => `${r.completed} answered, ${r.lost} lost, ${Object.entries(r.rcodes).map(([c, p]) => `${c} ${p}%`).join(" ")}, avg ${r.avgLatencyMs.toFixed(2)} ms`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// One dnsperf run over `names` around a bulk change of the `bulk` hosts to `ip`: a few seconds
// alone, the commit and the push until every changed name is published, a few seconds alone again.
async function duringBulk(ctx: BenchContext, scope: Cleanup, bs: BenchService, names: string[], ip: (i: number) => string, maxQps?: number): Promise<During> {
  const hosts = await loadBulkHosts(bs, "bulk");
  const pad = ctx.quick ? 2000 : 3000;
  let run: DnsperfRun | undefined;
  let from = 0;
  const t0 = Date.now();
  const changed = await bulkSetA(bs, hosts, ip, async () => {
    run = startDnsperf({ port: bs.dnsPort, names, seconds: 900, maxQps });
    scope.add("dnsperf", () => void run!.stop().catch(() => {}));
    await sleep(1000 + pad); // the first second is start-up, left out below
    from = Date.now() / 1000;
  });
  const txS = from - t0 / 1000 - (1000 + pad) / 1000;
  if (changed !== hosts.length) throw new Error(`the bulk change changed ${changed} rrsets, expected ${hosts.length}`);
  await waitPublished(bs, "bulk", 300_000);
  const to = Date.now() / 1000;
  await sleep(pad + 200);
  const result = await run!.stop();
  const samples = result.samples.slice(1);
  const { inside, outside } = rateInside(samples, from, to);
  if (inside === null || outside === null) throw new Error(`dnsperf printed too few per-second counts (${samples.length})`);
  const worst = Math.min(...samples.filter((s) => s.at > from && s.at - 1 < to).map((s) => s.qps));
  return { during: inside, alone: outside, worst, txS, bulkS: to - from, lost: result.lost };
}

async function measure(ctx: BenchContext, provider: "embedded" | "powerdns"): Promise<Measured> {
  const count = ctx.quick ? 2000 : 10_000;
  return withScope(ctx, async (scope) => {
    const bs = await startBenchService(ctx, scope, { provider });
    await seedPublished(bs, "q", count, ipOf);
    await seedPublished(bs, "bulk", count, ipOf);
    await waitPublished(bs, "q", 300_000);
    await waitPublished(bs, "bulk", 300_000);
    const names = Array.from({ length: count }, (_, i) => `q${i}.dyn.test`);
    const sampler = bs.sampler(`dns.${provider}`);
    await runDnsperf({ port: bs.dnsPort, names, seconds: ctx.quick ? 1 : 2 }); // warm-up
    const base = await runDnsperf({ port: bs.dnsPort, names, seconds: ctx.quick ? 3 : 10 });
    if (base.completed === 0 || (base.rcodes.NOERROR ?? 0) < 99) throw new Error(`${provider}: dnsperf got no good answers: ${describe(base)}`);
    // Flat out (the rate is the CPU share DNS gets), then at half the rate it reached alone.
    const full = await duringBulk(ctx, scope, bs, names, newIp);
    const half = await duringBulk(ctx, scope, bs, names, (i) => ipOf(i), base.queriesPerSecond / 2);
    sampler.stop();
    ctx.log(
      `dns.${provider}: ${base.queriesPerSecond.toFixed(0)} q/s alone (${describe(base)}); ${full.during.toFixed(0)} q/s while a bulk change of ${count} other names was pushed vs ${full.alone.toFixed(0)} q/s around it; ` +
        `at half load ${half.during.toFixed(0)} vs ${half.alone.toFixed(0)} q/s, ${half.lost} lost`,
    );
    return { ...full, base, names: count, half };
  });
}

function duringRow(provider: string, m: Measured, goal: boolean): Result {
  const ratio = m.during / m.alone;
  const note =
    `drop ${((1 - ratio) * 100).toFixed(1)} %, worst second ${m.worst.toFixed(0)} q/s; bulk change of ${m.names} other names ` +
    `(writes ${m.txS.toFixed(1)} s before the run), commit → all pushed ${m.bulkS.toFixed(1)} s; "alone" = the seconds before and after it in the same dnsperf run`;
  return result(`dns.${provider}.during-bulk`, m.during, "q/s", goal ? { op: ">=", value: 0.9 * m.alone } : null, {
    reference: { name: `${provider} alone`, value: m.alone, unit: "q/s" },
    ratio,
    note: goal ? `${note} (goal: ≥ 90 % of the rate alone)` : `${note} (reference)`,
  });
}

// The same, with dnsperf capped at half the rate the server reached alone: whether the other names
// are still all answered while a bulk change is pushed (informative; the goal is the row above).
function halfLoadRow(provider: string, m: Measured): Result {
  const h = m.half;
  const note =
    `dnsperf -Q ${(m.base.queriesPerSecond / 2).toFixed(0)}; drop ${((1 - h.during / h.alone) * 100).toFixed(1)} %, worst second ${h.worst.toFixed(0)} q/s, ` +
    `${h.lost} queries lost; commit → all pushed ${h.bulkS.toFixed(1)} s`;
  return result(`dns.${provider}.during-bulk-half-load`, h.during, "q/s", null, {
    reference: { name: "same run, alone", value: h.alone, unit: "q/s" },
    ratio: h.during / h.alone,
    note,
  });
}

async function attempt(ctx: BenchContext, provider: "embedded" | "powerdns"): Promise<Measured | Error> {
  try {
    return await measure(ctx, provider);
  } catch (e) {
    ctx.log(`dns.${provider} failed: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
    return e instanceof Error ? e : new Error(String(e));
  }
}

export const dns: Benchmark = {
  name: "dns",
  title: "DNS serving: dnsperf on 10 000 names, embedded vs PowerDNS, alone and during a bulk change",
  async run(ctx) {
    if (!ctx.tools.dnsperf) {
      const note = "skipped: dnsperf not installed (apt-get install dnsperf)";
      return [notMeasured("dns.embedded.qps", "q/s", null, note), notMeasured("dns.embedded.during-bulk", "q/s", null, note)];
    }
    const embedded = await attempt(ctx, "embedded");
    const pdnsOrError = ctx.tools.pdns ? await attempt(ctx, "powerdns") : null;
    const error = (e: Error) => `error: ${e.message.split("\n")[0]}`;
    const pdns = pdnsOrError instanceof Error ? null : pdnsOrError;
    const rows: Result[] = [];
    if (pdnsOrError instanceof Error) rows.push(notMeasured("dns.powerdns.qps", "q/s", null, error(pdnsOrError)));
    if (pdns) rows.push(result("dns.powerdns.qps", pdns.base.queriesPerSecond, "q/s", null, { note: `packet cache on; ${describe(pdns.base)}` }));
    if (embedded instanceof Error) {
      rows.push(notMeasured("dns.embedded.qps", "q/s", null, error(embedded)), notMeasured("dns.embedded.during-bulk", "q/s", null, error(embedded)));
    } else {
      const e = embedded.base.queriesPerSecond;
      const setting = `DNS_WORKERS=${process.env.DNS_WORKERS ?? Math.min(4, Math.max(1, os.availableParallelism()))}; ${describe(embedded.base)}`;
      if (pdns) {
        const p = pdns.base.queriesPerSecond;
        const ref = { reference: { name: "PowerDNS", value: p, unit: "q/s" }, ratio: e / p };
        rows.push(result("dns.embedded.qps", e, "q/s", { op: ">=", value: 0.5 * p }, { ...ref, note: `goal: ≥ 0.5× PowerDNS in the same run; ${setting}` }));
      } else {
        rows.push(result("dns.embedded.qps", e, "q/s", null, { note: `no PowerDNS to compare with (goal: ≥ 0.5× PowerDNS); ${setting}` }));
      }
      rows.push(duringRow("embedded", embedded, true), halfLoadRow("embedded", embedded));
    }
    if (pdns) rows.push(duringRow("powerdns", pdns, false), halfLoadRow("powerdns", pdns));
    return rows;
  },
};
