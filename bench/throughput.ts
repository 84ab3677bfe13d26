// 2. Update throughput on the machine's PostgreSQL against the production build: changing updates/s
// and nochg/s at a fixed concurrency, beside two references measured in the same run: /api/ping
// (a Next.js route handler returning a constant: the framework ceiling) and /checkip (the lean
// machine router without the database). Peak RSS of the web process throughout.
import { accountKey, basicAuth, get, seedPublished, USER_AGENT, waitPublished } from "./support/fixtures";
import { answerRate, otherAnswers, runLoad, type LoadResult } from "./support/load";
import { startBenchService, withScope, type BenchService } from "./support/service";
import { notMeasured, result, skipped, type BenchContext, type Benchmark, type Goal, type Result } from "./types";

const CHANGING: Goal = { op: ">=", value: 1000 };
const NOCHG: Goal = { op: ">=", value: 5000 };
const RSS: Goal = { op: "<=", value: 400 };
const CONNECTIONS = 16;
const SEEDED_IP = "192.0.2.1";

const ipOf = (k: number) => `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`;

// A short warm-up on `warmPaths` (default the same), then the measured run.
async function load(ctx: BenchContext, bs: BenchService, paths: string[], headers: Record<string, string> = {}, warmPaths = paths): Promise<LoadResult> {
  const opts = { baseUrl: bs.url, headers: { "user-agent": USER_AGENT, ...headers }, connections: CONNECTIONS };
  await runLoad({ ...opts, paths: warmPaths, durationS: ctx.quick ? 1 : 2 }, ctx.tools.wrk);
  return runLoad({ ...opts, paths, durationS: ctx.quick ? 3 : 10 }, ctx.tools.wrk);
}

function describe(r: LoadResult, ok: string[]): string {
  const other = otherAnswers(r, ok);
  const lat = r.latencyMs ? `latency p50 ${r.latencyMs.p50.toFixed(1)} ms, p99 ${r.latencyMs.p99.toFixed(1)} ms` : "";
  return [`${r.tool} -c${CONNECTIONS}`, lat, other && `other answers: ${other}`].filter(Boolean).join("; ");
}

export const throughput: Benchmark = {
  name: "throughput",
  title: "update throughput (changing and nochg /nic/update per second) vs a constant Next.js route",
  async run(ctx) {
    if (!ctx.postgresAdminUrl) {
      const note = "skipped: system PostgreSQL not available (nothing answers at 127.0.0.1:5432; set BENCH_POSTGRES_URL)";
      return [notMeasured("throughput.changing", "updates/s", CHANGING, note), notMeasured("throughput.nochg", "updates/s", NOCHG, note)];
    }
    return withScope(ctx, async (scope) => {
      const bs = await startBenchService(ctx, scope, { provider: "embedded", pages: true, database: "system" });
      const hosts = ctx.quick ? 200 : 1000;
      const seeded = await seedPublished(bs, "tp", hosts, () => SEEDED_IP);
      await waitPublished(bs, "tp");
      const auth = { authorization: basicAuth("bench", await accountKey(bs, seeded.ownerId)) };
      const sampler = bs.sampler("throughput");
      const rows: Result[] = [];

      const pingProbe = await get(bs, "/api/ping");
      let ping: LoadResult | null = null;
      if (pingProbe.status === 200 && pingProbe.body === "ok") {
        ping = await load(ctx, bs, ["/api/ping"]);
        rows.push(result("throughput.ping", ping.requestsPerSecond, "req/s", null, { note: `Next.js route handler, constant "ok" (framework ceiling); ${describe(ping, ["200 ok"])}` }));
      } else rows.push(notMeasured("throughput.ping", "req/s", null, skipped("/api/ping", `HTTP ${pingProbe.status}`)));
      const checkip = await load(ctx, bs, ["/checkip?format=text"]);
      rows.push(result("throughput.checkip", checkip.requestsPerSecond, "req/s", null, { note: `lean machine router, no database; ${describe(checkip, [])}` }));
      const reference = ping ? { reference: { name: "/api/ping", value: ping.requestsPerSecond, unit: "req/s" } } : {};
      const ratio = (v: number) => (ping ? { ratio: v / ping.requestsPerSecond } : {});

      const probe = await get(bs, `/nic/update?hostname=tp0.dyn.test&myip=${SEEDED_IP}`, auth);
      if (!probe.body.startsWith("nochg")) {
        const note = probe.status === 404 ? skipped("/nic/update", "HTTP 404") : `error: probe answered ${probe.status} "${probe.body.trim()}"`;
        rows.push(notMeasured("throughput.nochg", "updates/s", NOCHG, note), notMeasured("throughput.changing", "updates/s", CHANGING, note));
      } else {
        const nochgPaths = Array.from({ length: hosts }, (_, k) => `/nic/update?hostname=tp${k}.dyn.test&myip=${SEEDED_IP}`);
        const nochg = await load(ctx, bs, nochgPaths, auth);
        const nochgRate = answerRate(nochg, "200 nochg");
        rows.push(result("throughput.nochg", nochgRate, "updates/s", NOCHG, { ...reference, ...ratio(nochgRate), note: describe(nochg, ["200 nochg"]) }));
        // Every request gives its host an address it never had: k < 2^23 measured, k ≥ 2^23 warm-up.
        const changingPaths = (from: number) => Array.from({ length: hosts * 100 }, (_, k) => `/nic/update?hostname=tp${k % hosts}.dyn.test&myip=${ipOf(from + k)}`);
        const changing = await load(ctx, bs, changingPaths(0), auth, changingPaths(1 << 23));
        const rate = answerRate(changing, "200 good");
        const drainMs = await waitPublished(bs, "tp", 300_000);
        const note = `${describe(changing, ["200 good"])}; DNS caught up ${(drainMs / 1000).toFixed(1)} s after the run`;
        rows.push(result("throughput.changing", rate, "updates/s", CHANGING, { ...reference, ...ratio(rate), note }));
      }
      const rss = sampler.stop();
      rows.push(result("throughput.web.rss", rss.web ?? 0, "MiB", RSS, { note: `peak during the runs above (worker ${rss.worker?.toFixed(0)} MiB, dns ${rss.dns?.toFixed(0)} MiB)` }));
      return rows;
    });
  },
};
