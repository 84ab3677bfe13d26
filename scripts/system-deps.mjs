// The Debian packages the integration tests and benchmarks drive for real. `npm test` checks them
// first: as root it installs what is missing with apt-get; otherwise it prints the exact command.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const SYSTEM_DEPS = [
  { bin: "/usr/bin/chromium", pkg: "chromium", for: "browser tests" },
  { bin: "/usr/bin/dig", pkg: "dnsutils", for: "DNS answers" },
  { bin: "/usr/sbin/pdns_server", pkg: "pdns-server", for: "PowerDNS backend" },
  { bin: "/usr/lib/x86_64-linux-gnu/pdns/libgsqlite3backend.so", alt: "/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql", pkg: "pdns-backend-sqlite3", for: "PowerDNS backend" },
  { bin: "/usr/bin/sqlite3", pkg: "sqlite3", for: "PowerDNS test database" },
  { bin: "/usr/sbin/named", pkg: "bind9", for: "BIND backend" },
  { bin: "/usr/sbin/knotd", pkg: "knot", for: "Knot backend" },
  { bin: "/usr/bin/ddclient", alt: "/usr/sbin/ddclient", pkg: "ddclient", for: "real update client" },
  { bin: "/usr/sbin/inadyn", alt: "/usr/bin/inadyn", pkg: "inadyn", for: "real update client" },
  { bin: "/usr/bin/wrk", pkg: "wrk", for: "benchmark harness tests" },
];

export const BENCH_DEPS = [
  { bin: "/usr/bin/dnsperf", pkg: "dnsperf", for: "DNS benchmark" },
  { bin: "/usr/bin/wrk", pkg: "wrk", for: "HTTP benchmark" },
];

/** Installs (as root) or reports missing packages; returns false when something is still missing. */
export function ensureSystemDeps(deps = SYSTEM_DEPS, log = console.log) {
  const missing = [...new Set(deps.filter((d) => !existsSync(d.bin) && !(d.alt && existsSync(d.alt))).map((d) => d.pkg))];
  if (missing.length === 0) return true;
  if (process.getuid?.() !== 0) {
    log(`missing system packages: ${missing.join(" ")}\ninstall them with: sudo apt-get install -y ${missing.join(" ")}`);
    return false;
  }
  log(`installing system packages: ${missing.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  const r = spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], { stdio: "inherit", env });
  if (r.status !== 0) {
    log(`apt-get install failed; install by hand: apt-get install -y ${missing.join(" ")}`);
    return false;
  }
  return true;
}
