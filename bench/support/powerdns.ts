// PowerDNS Authoritative as production runs it: gsqlite3 backend with its packet and query caches
// ON (the test harness in tests/support/powerdns.ts turns them off). The API purges the cache of
// the names it changes, so updates still show at once. Loopback, free ports, temp folder.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/tests/support/powerdns";

export type BenchPowerDns = { apiUrl: string; apiKey: string; dnsPort: number; pid: number; stop(): Promise<void> };

const SCHEMA = "/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql";

/** Starts pdns_server; resolves once its HTTP API answers. */
export async function startBenchPowerDns(): Promise<BenchPowerDns> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dynhost-bench-pdns-"));
  const db = path.join(dir, "pdns.db");
  execFileSync("sqlite3", [db, `.read ${SCHEMA}`]);
  const [dnsPort, webPort] = [await freePort(), await freePort()];
  const apiKey = randomBytes(16).toString("hex");
  const conf: Record<string, string | number> = {
    launch: "gsqlite3", "gsqlite3-database": db, "local-address": "127.0.0.1", "local-port": dnsPort,
    api: "yes", "api-key": apiKey, webserver: "yes", "webserver-address": "127.0.0.1", "webserver-port": webPort,
    "webserver-allow-from": "127.0.0.0/8", daemon: "no", guardian: "no", "disable-syslog": "yes", "socket-dir": dir,
    "security-poll-suffix": "", "webserver-loglevel": "none", loglevel: 3,
  };
  writeFileSync(path.join(dir, "pdns.conf"), Object.entries(conf).map(([k, v]) => `${k}=${v}`).join("\n") + "\n");
  const child = spawn("/usr/sbin/pdns_server", [`--config-dir=${dir}`], { stdio: ["ignore", "ignore", "pipe"] });
  let output = "";
  child.stderr!.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(t);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const apiUrl = `http://127.0.0.1:${webPort}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`pdns_server exited (${child.exitCode}):\n${output}`);
    }
    const ok = await fetch(`${apiUrl}/api/v1/servers/localhost`, { headers: { "X-API-Key": apiKey } }).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`PowerDNS API did not answer within 20 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { apiUrl, apiKey, dnsPort, pid: child.pid!, stop };
}
