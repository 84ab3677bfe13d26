// 5. Dashboards at scale: 1 000 000 hosts seeded by COPY (1 000 of them in one account), then the
// owner's host list page and a host page (server response time, signed in through the real
// sign-in) and the REST API's host list (requests/s with a bearer token).
import { hashPassword } from "@/lib/auth/password";
import { seedHosts } from "@/scripts/seed-hosts";
import { apiToken, get, OWNER_EMAIL, USER_AGENT } from "./support/fixtures";
import { Histogram } from "./support/histogram";
import { otherAnswers, runLoad } from "./support/load";
import { startBenchService, withScope, type BenchService } from "./support/service";
import { findPages, signIn } from "./support/session";
import { notMeasured, result, skipped, type BenchContext, type Benchmark, type Goal, type Result } from "./types";

const LIST: Goal = { op: "<=", value: 200 };
const PAGE: Goal = { op: "<=", value: 150 };
const API: Goal = { op: ">=", value: 500 };
const OWNER_HOSTS = 1000;
const PASSWORD = "bench-password-8c1f";

/** Sequential GETs (after 3 warm-ups): p50/p95 rows of the time to the full answer. */
async function timePages(ctx: BenchContext, bs: BenchService, name: string, goal: Goal, urls: string[], cookie: string): Promise<Result[]> {
  const h = new Histogram();
  const n = ctx.quick ? 10 : 40;
  for (let i = 0; i < n + 3; i++) {
    const t0 = performance.now();
    const res = await fetch(bs.url + urls[i % urls.length]!, { headers: { cookie, "user-agent": USER_AGENT }, redirect: "manual" });
    await res.text();
    if (res.status !== 200) throw new Error(`GET ${urls[i % urls.length]} answered ${res.status}`);
    if (i >= 3) h.record(performance.now() - t0);
  }
  const s = h.summary();
  const note = `GET ${urls[0]}${urls.length > 1 ? ` (${urls.length} hosts in turn)` : ""}, n=${s.count}, max ${s.max.toFixed(0)} ms`;
  return [result(`${name}.p50`, s.p50, "ms", goal, { note }), result(`${name}.p95`, s.p95, "ms", goal)];
}

/** The first candidate page that answers 200 and shows `mustShow`; null when none does. */
async function firstShowing(bs: BenchService, candidates: string[], cookie: string, mustShow: RegExp): Promise<string | null> {
  for (const url of candidates) {
    const res = await get(bs, url, { cookie });
    if (res.status === 200 && mustShow.test(res.body)) return url;
  }
  return null;
}

async function pages(ctx: BenchContext, bs: BenchService, hosts: { id: string; fqdn: string }[]): Promise<Result[]> {
  const none = (name: string, goal: Goal, note: string) => [notMeasured(`${name}.p50`, "ms", goal, note), notMeasured(`${name}.p95`, "ms", goal, note)];
  let cookie: string;
  try {
    cookie = await signIn(bs.url, OWNER_EMAIL, PASSWORD);
  } catch (e) {
    const note = skipped("sign-in", (e as Error).message);
    return [...none("dashboards.host-list", LIST, note), ...none("dashboards.host-page", PAGE, note)];
  }
  const rows: Result[] = [];
  const lists = [...findPages(/\/hosts$/), "/dashboard"];
  const list = await firstShowing(bs, lists, cookie, /d\d+\.dyn\.test/);
  if (list) rows.push(...(await timePages(ctx, bs, "dashboards.host-list", LIST, [list], cookie)));
  else rows.push(...none("dashboards.host-list", LIST, skipped("host list page", `none of ${lists.join(", ")} lists the owner's hosts`)));
  const pattern = findPages(/\/hosts\/\[[^\]]+\]$/)[0];
  const urlFor = (h: { id: string; fqdn: string }) => pattern!.replace(/\[([^\]]+)\]$/, (_, p: string) => (/id/i.test(p) ? h.id : encodeURIComponent(h.fqdn)));
  const sample = hosts.slice(0, 20);
  if (pattern && (await firstShowing(bs, [urlFor(sample[0]!)], cookie, new RegExp(sample[0]!.fqdn.replace(/\./g, "\\.")))))
    rows.push(...(await timePages(ctx, bs, "dashboards.host-page", PAGE, sample.map(urlFor), cookie)));
  else rows.push(...none("dashboards.host-page", PAGE, skipped("host page", pattern ? `${urlFor(sample[0]!)} does not show ${sample[0]!.fqdn}` : "no app/**/hosts/[…]/page.tsx")));
  return rows;
}

async function api(ctx: BenchContext, bs: BenchService, ownerId: string): Promise<Result> {
  const auth = { authorization: `Bearer ${await apiToken(bs, ownerId)}` };
  const probe = await get(bs, "/api/v1/hosts", auth);
  if (probe.status !== 200 || !probe.body.includes("d0.dyn.test")) {
    return notMeasured("dashboards.api.hosts", "req/s", API, skipped("GET /api/v1/hosts", `HTTP ${probe.status}: ${probe.body.slice(0, 80)}`));
  }
  const opts = { baseUrl: bs.url, paths: ["/api/v1/hosts"], headers: { ...auth, "user-agent": USER_AGENT }, connections: 16 };
  await runLoad({ ...opts, durationS: ctx.quick ? 1 : 2 }, ctx.tools.wrk);
  const r = await runLoad({ ...opts, durationS: ctx.quick ? 3 : 10 }, ctx.tools.wrk);
  const ok = (r.answers[Object.keys(r.answers).find((k) => k.startsWith("200 ")) ?? ""] ?? 0) / r.durationS;
  const other = otherAnswers(r, Object.keys(r.answers).filter((k) => k.startsWith("200 ")));
  const note = `first page (50 hosts) of ${OWNER_HOSTS}; ${r.tool} -c16, p99 ${r.latencyMs?.p99.toFixed(0)} ms${other ? `; other answers: ${other}` : ""}`;
  return result("dashboards.api.hosts", ok, "req/s", API, { note });
}

export const dashboards: Benchmark = {
  name: "dashboards",
  title: "dashboards at scale: host list, host page and API list with 1 000 000 hosts",
  async run(ctx) {
    const total = ctx.quick ? 50_000 : 1_000_000;
    return withScope(ctx, async (scope) => {
      const bs = await startBenchService(ctx, scope, { provider: "embedded", pages: true, env: { RECONCILE_INTERVAL_S: "0" } });
      const seed = await seedHosts({ url: bs.dbUrl, hosts: total, ownerHosts: OWNER_HOSTS, ownerEmail: OWNER_EMAIL, ownerPasswordHash: await hashPassword(PASSWORD), prefix: "d" });
      ctx.log(`seeded ${total} hosts (${seed.users} users) in ${(seed.ms / 1000).toFixed(1)} s`);
      const hosts = await bs.db.host.findMany({ where: { ownerId: seed.ownerId }, select: { id: true, fqdn: true }, orderBy: { fqdn: "asc" }, take: 20 });
      const sampler = bs.sampler("dashboards", true);
      const rows = [...(await pages(ctx, bs, hosts)), await api(ctx, bs, seed.ownerId)];
      const rss = sampler.stop();
      const scale = `${total} hosts in the database, ${OWNER_HOSTS} in the account; seeded in ${(seed.ms / 1000).toFixed(0)} s; web RSS ${rss.web?.toFixed(0)} MiB`;
      return rows.map((r) => (r.name.endsWith(".p50") || r.name === "dashboards.api.hosts" ? { ...r, note: [r.note, scale].filter(Boolean).join("; ") } : r));
    });
  },
};
