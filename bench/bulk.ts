// 3. Bulk change: 10 000 hosts changed in one operation → every name answered by the backend with
// its new address. "Answered" is when the worker has confirmed every push (publishedVersion caught
// up), checked by querying all 10 000 names; if any still answers the old address, the time runs
// on until a full sweep finds none. Embedded server and PowerDNS.
import { ipOf } from "@/scripts/seed-hosts";
import { bulkSetA, loadBulkHosts } from "./support/bulk-change";
import { DnsClient } from "./support/dns-query";
import { seedPublished, waitPublished } from "./support/fixtures";
import { msSince } from "./support/histogram";
import { startBenchService, withScope } from "./support/service";
import { notMeasured, orError, result, type BenchContext, type Benchmark, type Goal, type Result } from "./types";

const GOAL: Goal = { op: "<=", value: 10 };
export const newIp = (i: number) => `172.16.${(i >> 8) & 255}.${i & 255}`;

async function measure(ctx: BenchContext, provider: "embedded" | "powerdns"): Promise<Result> {
  const name = `bulk.${provider}`;
  if (provider === "powerdns" && !ctx.tools.pdns) return notMeasured(name, "s", GOAL, "skipped: PowerDNS not installed (apt-get install pdns-server pdns-backend-sqlite3)");
  const count = ctx.quick ? 1000 : 10_000;
  return withScope(ctx, async (scope) => {
    const bs = await startBenchService(ctx, scope, { provider });
    await seedPublished(bs, "bulk", count, ipOf);
    const initialMs = await waitPublished(bs, "bulk", 300_000);
    const names = Array.from({ length: count }, (_, i) => `bulk${i}.dyn.test`);
    const index = new Map(names.map((n, i) => [n, i]));
    const dns = new DnsClient(bs.dnsPort);
    scope.add("dns client", () => dns.close());
    let before = await dns.mismatches(names, (n) => ipOf(index.get(n)!));
    for (let retry = 0; retry < 3 && before.length > 0; retry++) before = await dns.mismatches(before, (n) => ipOf(index.get(n)!), 8);
    if (before.length) {
      const sample = await dns.queryA(before[0]!, 3000);
      throw new Error(`${before.length} names did not answer their seeded address before the bulk change (e.g. ${before[0]} answers ${JSON.stringify(sample)}, expected ${ipOf(index.get(before[0]!)!)})`);
    }
    const hosts = await loadBulkHosts(bs, "bulk");
    const sampler = bs.sampler(name);
    const t0 = process.hrtime.bigint();
    const changed = await bulkSetA(bs, hosts, newIp);
    const commitMs = msSince(t0);
    if (changed !== count) throw new Error(`the bulk change changed ${changed} rrsets, expected ${count}`);
    await waitPublished(bs, "bulk", 300_000);
    const pushedMs = msSince(t0);
    const expected = (n: string) => newIp(index.get(n)!);
    const firstSweep = await dns.sweep(names, expected);
    let wrong = firstSweep.map((m) => m.name);
    const stale = firstSweep.filter((m) => m.answer !== null && m.answer.length === 1 && m.answer[0] === ipOf(index.get(m.name)!)).length;
    const sweeps = { first: wrong.length, count: 1 };
    while (wrong.length > 0 && msSince(t0) < 120_000) {
      wrong = await dns.mismatches(wrong, expected);
      sweeps.count++;
    }
    sampler.stop();
    if (wrong.length) throw new Error(`${wrong.length} names (e.g. ${wrong[0]}) still answer the old address 120 s after the bulk change`);
    const answeredMs = sweeps.first === 0 ? pushedMs : msSince(t0);
    const note =
      `${count} hosts; transaction ${(commitMs / 1000).toFixed(1)} s, pushed ${(pushedMs / 1000).toFixed(1)} s` +
      (sweeps.first ? `, ${sweeps.first} names lagged the push (${stale} still answered the old address, ${sweeps.first - stale} no or other answer; ${sweeps.count} sweeps)` : ", all answered when pushed") +
      `; first publication of the ${count} new names took ${(initialMs / 1000).toFixed(1)} s`;
    ctx.log(`${name}: ${note}`);
    return result(name, answeredMs / 1000, "s", GOAL, { note });
  });
}

export const bulk: Benchmark = {
  name: "bulk",
  title: "bulk change of 10 000 hosts → all answered by the DNS backend",
  async run(ctx) {
    const one = (provider: "embedded" | "powerdns") =>
      orError([{ name: `bulk.${provider}`, unit: "s", goal: GOAL }], ctx.log, async () => [await measure(ctx, provider)]);
    return [...(await one("embedded")), ...(await one("powerdns"))];
  },
};
