// The whole service as a user runs it (tests/support/service.ts: supervisor, worker, web, embedded
// DNS or PowerDNS), on free ports, with a throwaway database on the machine's PostgreSQL (or the
// embedded one), registered for clean-up. Also a Prisma client on the same database for fixtures.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "@/lib/db";
import { removeServiceData, startService, type Service } from "@/tests/support/service";
import type { BenchContext } from "../types";
import { Cleanup } from "./cleanup";
import { startBenchPowerDns, type BenchPowerDns } from "./powerdns";
import { RssSampler } from "./rss";

export type BenchServiceOptions = {
  provider: "embedded" | "powerdns";
  /** Next.js pages too (production build); false: machine endpoints only. */
  pages?: boolean;
  /** "system": a throwaway database on the machine's PostgreSQL (default when it answers). */
  database?: "system" | "embedded";
  env?: Record<string, string>;
};

export type BenchService = {
  svc: Service;
  url: string;
  dbUrl: string;
  /** Where the DNS backend answers (embedded server or pdns_server). */
  dnsPort: number;
  db: Db;
  zone: { id: string; name: string };
  pdns?: BenchPowerDns;
  /** Starts sampling RSS of the service's processes, reported under `during` (and to the run's peaks unless `own`). */
  sampler(during: string, own?: boolean): RssSampler;
};

/** Limits that would throttle a benchmark's synthetic clients; each is documented in README → Configuration. */
export const BENCH_ENV: Record<string, string> = {
  UPDATE_HOST_BURST: "0",
  NOCHG_BLOCK_THRESHOLD: "0",
  API_RATE_LIMIT: "0",
  LOG_LEVEL: "warn",
};

/** Creates a database on the admin URL's server; returns its URL and registers its removal. */
export async function throwawayDatabase(adminUrl: string, scope: Cleanup): Promise<string> {
  const name = `dh_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  scope.add(`database ${name}`, async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  return adminUrl.replace(/\/[^/?]*(\?.*)?$/, `/${name}$1`);
}

/** Starts the service; everything it started is stopped and removed when `scope` is disposed. */
export async function startBenchService(ctx: BenchContext, scope: Cleanup, opts: BenchServiceOptions): Promise<BenchService> {
  const system = (opts.database ?? (ctx.postgresAdminUrl ? "system" : "embedded")) === "system";
  if (system && !ctx.postgresAdminUrl) throw new Error("no PostgreSQL answers at 127.0.0.1:5432 (set BENCH_POSTGRES_URL)");
  const databaseUrl = system ? await throwawayDatabase(ctx.postgresAdminUrl!, scope) : undefined;
  let pdns: BenchPowerDns | undefined;
  const env: Record<string, string> = { ...BENCH_ENV, DNS_PROVIDER: opts.provider, ...opts.env };
  if (opts.provider === "powerdns") {
    pdns = await startBenchPowerDns();
    scope.add("pdns_server", () => pdns!.stop());
    Object.assign(env, { PDNS_API_URL: pdns.apiUrl, PDNS_API_KEY: pdns.apiKey });
  }
  const started = Date.now();
  const svc = await startService({ databaseUrl, pages: opts.pages ?? false, env, production: true });
  scope.add("service", async () => {
    if (scope.failure) ctx.log(`service log (last lines) after "${scope.failure.message.split("\n")[0]}":\n${logTail(svc.logFile, 40)}`);
    await svc.stop();
    removeServiceData(svc);
  });
  ctx.log(`service up in ${((Date.now() - started) / 1000).toFixed(1)} s (${opts.provider}, ${system ? "system" : "embedded"} PostgreSQL${opts.pages ? ", pages" : ""})`);
  const dbUrl = databaseUrl ?? embeddedUrl(svc);
  const db = createDb(dbUrl, 4);
  scope.add("prisma client", () => db.$disconnect());
  const zone = await db.zone.findUniqueOrThrow({ where: { name: "dyn.test" }, select: { id: true, name: true } });
  const roots = () => [svc.process.pid!, ...(pdns ? [pdns.pid] : [])];
  return {
    svc,
    url: svc.url,
    dbUrl,
    dnsPort: pdns ? pdns.dnsPort : svc.dnsPort,
    db,
    zone,
    pdns,
    sampler: (during, own = false) => {
      const s = new RssSampler(roots, own ? null : ctx.peaks, during);
      scope.add("rss sampler", () => void s.stop());
      return s;
    },
  };
}

function logTail(file: string, lines: number): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

function embeddedUrl(svc: Service): string {
  const password = readFileSync(path.join(svc.dataDir, "pg-password"), "utf8").trim();
  return `postgresql://dynhost:${encodeURIComponent(password)}@127.0.0.1:${svc.env.EMBEDDED_PG_PORT}/dynhost`;
}

/** Runs `fn` with its own clean-up scope (also disposed by the run's Ctrl-C handler). */
export async function withScope<T>(ctx: BenchContext, fn: (scope: Cleanup) => Promise<T>): Promise<T> {
  const scope = new Cleanup();
  ctx.cleanup.add("benchmark scope", () => scope.dispose(ctx.log));
  try {
    return await fn(scope);
  } catch (e) {
    scope.failure = e instanceof Error ? e : new Error(String(e));
    throw e;
  } finally {
    await scope.dispose(ctx.log);
  }
}
