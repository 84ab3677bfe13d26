// What the machine offers the benchmarks: the Debian tools (installed with apt-get when running as
// root, via scripts/system-deps.mjs) and the system PostgreSQL.
import { existsSync } from "node:fs";
import pg from "pg";
import type { BenchContext } from "../types";

type Dep = { bin: string; alt?: string; pkg: string; for: string };
type SystemDeps = { BENCH_DEPS: Dep[]; SYSTEM_DEPS: Dep[]; ensureSystemDeps(deps: Dep[], log: (m: string) => void): boolean };

const PDNS_PACKAGES = ["pdns-server", "pdns-backend-sqlite3", "sqlite3"];

/** Installs missing tools when root (else says what to install); returns which are usable. */
export async function checkTools(log: (line: string) => void): Promise<BenchContext["tools"]> {
  const specifier: string = "../../scripts/system-deps.mjs";
  const mod = (await import(specifier)) as SystemDeps;
  const deps = [...mod.BENCH_DEPS, ...mod.SYSTEM_DEPS.filter((d) => PDNS_PACKAGES.includes(d.pkg) || d.pkg === "dnsutils")];
  mod.ensureSystemDeps(deps, log);
  const has = (pkg: string) => deps.filter((d) => d.pkg === pkg).every((d) => existsSync(d.bin) || (d.alt !== undefined && existsSync(d.alt)));
  return { wrk: has("wrk"), dnsperf: has("dnsperf"), pdns: PDNS_PACKAGES.every(has) };
}

/** The system PostgreSQL's admin URL (BENCH_POSTGRES_URL, TEST_POSTGRES_URL or 127.0.0.1:5432) if it answers. */
export async function postgresAdminUrl(): Promise<string | null> {
  const url = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query("SELECT 1");
    return url;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => {});
  }
}
