// 4. DNS serving: dnsperf against 10 000 names on the embedded server and on PowerDNS (packet cache
// on) in the same run → queries/s and the ratio (goal: embedded ≥ 0.5× PowerDNS). Then the same
// while bulk changes of 10 000 OTHER names run back to back: those names' rate may drop ≤ 10 %.
// Order per backend: alone, during bulk, alone again; "alone" is the mean of the two.
import { ipOf } from "@/scripts/seed-hosts";
import { newIp } from "./bulk";
import { bulkSetA, loadBulkHosts } from "./support/bulk-change";
import { runDnsperf, type DnsperfResult } from "./support/dnsperf";
import { seedPublished, waitPublished } from "./support/fixtures";
import { startBenchService, withScope } from "./support/service";
import { notMeasured, result, type BenchContext, type Benchmark, type Result } from "./types";

type Measured = { base: DnsperfResult; during: DnsperfResult; bulks: number; changed: number; seconds: number };

const describe = (r: DnsperfResult) => `${r.completed} answered, ${r.lost} lost, ${Object.entries(r.rcodes).map(([c, p]) => `${c} ${p}%`).join(" ")}, avg ${r.avgLatencyMs.toFixed(2)} ms`;

async function measure(ctx: BenchContext, provider: "embedded" | "powerdns"): Promise<Measured> {
  const count = ctx.quick ? 2000 : 10_000;
  const seconds = ctx.quick ? 3 : 10;
  return withScope(ctx, async (scope) => {
    const bs = await startBenchService(ctx, scope, { provider });
    await seedPublished(bs, "q", count, ipOf);
    await seedPublished(bs, "bulk", count, ipOf);
    await waitPublished(bs, "q", 300_000);
    await waitPublished(bs, "bulk", 300_000);
    const names = Array.from({ length: count }, (_, i) => `q${i}.dyn.test`);
    const perf = () => runDnsperf({ port: bs.dnsPort, names, seconds });
    const sampler = bs.sampler(`dns.${provider}`);
    await runDnsperf({ port: bs.dnsPort, names, seconds: ctx.quick ? 1 : 2 }); // warm-up
    const first = await perf();
    if (first.completed === 0 || (first.rcodes.NOERROR ?? 0) < 99) throw new Error(`${provider}: dnsperf got no good answers: ${describe(first)}`);
    const hosts = await loadBulkHosts(bs, "bulk");
    let running = true;
    let bulks = 0;
    let changed = 0;
    const loop = (async () => {
      for (let round = 1; running; round++) {
        changed += await bulkSetA(bs, hosts, (i) => (round % 2 ? newIp(i) : ipOf(i)));
        bulks++;
      }
    })();
    const during = await perf();
    running = false;
    await loop;
    await waitPublished(bs, "bulk", 300_000);
    // Alone again (A-B-A): the rate alone is the mean of both, so drift of a busy machine cancels.
    const after = await perf();
    sampler.stop();
    const base: DnsperfResult = { ...first, queriesPerSecond: (first.queriesPerSecond + after.queriesPerSecond) / 2, perSecond: [...first.perSecond, ...after.perSecond] };
    ctx.log(`dns.${provider}: ${first.queriesPerSecond.toFixed(0)} and ${after.queriesPerSecond.toFixed(0)} q/s alone (${describe(first)}); ${during.queriesPerSecond.toFixed(0)} q/s during ${bulks} bulk changes (${describe(during)})`);
    return { base, during, bulks, changed, seconds };
  });
}

function duringRow(provider: string, m: Measured, goal: boolean): Result {
  const ratio = m.during.queriesPerSecond / m.base.queriesPerSecond;
  const worst = m.during.perSecond.length ? `, worst second ${Math.min(...m.during.perSecond).toFixed(0)} q/s` : "";
  const note = `drop ${((1 - ratio) * 100).toFixed(1)} %${worst}; ${m.bulks} bulk changes (${m.changed} rrsets) ran during the ${m.seconds} s`;
  return result(`dns.${provider}.during-bulk`, m.during.queriesPerSecond, "q/s", goal ? { op: ">=", value: 0.9 * m.base.queriesPerSecond } : null, {
    reference: { name: `${provider} alone`, value: m.base.queriesPerSecond, unit: "q/s" },
    ratio,
    note: goal ? `${note} (goal: ≥ 90 % of the rate alone)` : `${note} (reference)`,
  });
}

export const dns: Benchmark = {
  name: "dns",
  title: "DNS serving: dnsperf on 10 000 names, embedded vs PowerDNS, alone and during bulk changes",
  async run(ctx) {
    if (!ctx.tools.dnsperf) {
      const note = "skipped: dnsperf not installed (apt-get install dnsperf)";
      return [notMeasured("dns.embedded.qps", "q/s", null, note), notMeasured("dns.embedded.during-bulk", "q/s", null, note)];
    }
    const attempt = async (provider: "embedded" | "powerdns"): Promise<Measured | Error> => {
      try {
        return await measure(ctx, provider);
      } catch (e) {
        ctx.log(`dns.${provider} failed: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
        return e instanceof Error ? e : new Error(String(e));
      }
    };
    const embeddedOrError = await attempt("embedded");
    const pdnsOrError = ctx.tools.pdns ? await attempt("powerdns") : null;
    const rows: Result[] = [];
    const error = (e: Error) => `error: ${e.message.split("\n")[0]}`;
    if (pdnsOrError instanceof Error) rows.push(notMeasured("dns.powerdns.qps", "q/s", null, error(pdnsOrError)));
    const pdns = pdnsOrError instanceof Error ? null : pdnsOrError;
    if (embeddedOrError instanceof Error) {
      rows.push(notMeasured("dns.embedded.qps", "q/s", null, error(embeddedOrError)), notMeasured("dns.embedded.during-bulk", "q/s", null, error(embeddedOrError)));
      if (pdns) rows.unshift(result("dns.powerdns.qps", pdns.base.queriesPerSecond, "q/s", null, { note: `packet cache on; ${describe(pdns.base)}` }), duringRow("powerdns", pdns, false));
      return rows;
    }
    const embedded = embeddedOrError;
    const e = embedded.base.queriesPerSecond;
    const workers = `DNS_WORKERS=${process.env.DNS_WORKERS ?? "1"}`;
    if (pdns) {
      const p = pdns.base.queriesPerSecond;
      rows.push(result("dns.powerdns.qps", p, "q/s", null, { note: `packet cache on; ${describe(pdns.base)}` }));
      rows.push(result("dns.embedded.qps", e, "q/s", { op: ">=", value: 0.5 * p }, {
        reference: { name: "PowerDNS", value: p, unit: "q/s" },
        ratio: e / p,
        note: `goal: ≥ 0.5× PowerDNS in the same run; ${workers}; ${describe(embedded.base)}`,
      }));
    } else {
      rows.push(result("dns.embedded.qps", e, "q/s", null, { note: `${ctx.tools.pdns ? "PowerDNS failed" : "PowerDNS not installed"}: no reference (goal is ≥ 0.5× PowerDNS); ${workers}; ${describe(embedded.base)}` }));
    }
    rows.push(duringRow("embedded", embedded, true));
    if (pdns) rows.push(duringRow("powerdns", pdns, false));
    return rows;
  },
};
