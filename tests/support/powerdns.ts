import { freeDnsPort } from "./dns-daemon";
// Start a real PowerDNS Authoritative server (gsqlite3 backend, caches off) on free loopback ports.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import dgram from "node:dgram";
import { access, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type PowerDnsServer = {
  apiUrl: string;
  apiKey: string;
  dnsPort: number;
  dir: string;
  /** Everything pdns_server printed so far (for failure messages). */
  log(): string;
  stop(): Promise<void>;
};

const SCHEMA = "/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql";
const PDNS = "/usr/sbin/pdns_server";

// A port that is free for TCP and UDP on 127.0.0.1 right now (one helper for all test servers).
export const freePort = freeDnsPort;

// Start pdns_server in a fresh temp dir; resolves once its HTTP API answers. Retries on port races.
export async function startPowerDns(): Promise<PowerDnsServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce();
    } catch (e) {
      lastError = e;
    }
  }
  throw lastError;
}

async function startOnce(): Promise<PowerDnsServer> {
  await access(SCHEMA).catch(() => {
    throw new Error(`${SCHEMA} missing: apt-get install pdns-backend-sqlite3`);
  });
  const dir = await mkdtemp(path.join(tmpdir(), "dynhost-pdns-"));
  const db = path.join(dir, "pdns.db");
  await run("sqlite3", [db, `.read ${SCHEMA}`], "apt-get install sqlite3 pdns-backend-sqlite3");
  const [dnsPort, webPort] = [await freePort(), await freePort()];
  const apiKey = randomBytes(16).toString("hex");
  const conf = {
    launch: "gsqlite3", "gsqlite3-database": db, "local-address": "127.0.0.1", "local-port": dnsPort,
    api: "yes", "api-key": apiKey, webserver: "yes", "webserver-address": "127.0.0.1",
    "webserver-port": webPort, "webserver-allow-from": "127.0.0.0/8", daemon: "no", guardian: "no",
    "disable-syslog": "yes", "socket-dir": dir, "cache-ttl": 0, "query-cache-ttl": 0,
    "negquery-cache-ttl": 0, "zone-cache-refresh-interval": 0, "security-poll-suffix": "",
    "receiver-threads": 1, "distributor-threads": 1, "webserver-loglevel": "none",
  };
  await writeFile(path.join(dir, "pdns.conf"), Object.entries(conf).map(([k, v]) => `${k}=${v}`).join("\n") + "\n");
  const child = spawn(PDNS, [`--config-dir=${dir}`], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const spawnError = new Promise<never>((_, reject) =>
    child.once("error", (e: NodeJS.ErrnoException) =>
      reject(e.code === "ENOENT" ? new Error(`${PDNS} missing: apt-get install pdns-server pdns-backend-sqlite3`) : e)),
  );
  const server: PowerDnsServer = {
    apiUrl: `http://127.0.0.1:${webPort}`,
    apiKey,
    dnsPort,
    dir,
    log: () => output,
    stop: () => stopChild(child, exited, dir),
  };
  try {
    await Promise.race([waitForApi(server), spawnError, exited.then((code) => Promise.reject(new Error(`pdns_server exited (${code}):\n${output}`)))]);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return server;
}

async function waitForApi(server: PowerDnsServer): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${server.apiUrl}/api/v1/servers/localhost`, { headers: { "X-API-Key": server.apiKey } });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`PowerDNS API did not answer within 20 s:\n${server.log()}`);
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>, dir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
  await rm(dir, { recursive: true, force: true });
}

function run(cmd: string, args: string[], install: string): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(cmd, args, (error, _out, stderr) => {
      if ((error as NodeJS.ErrnoException | null)?.code === "ENOENT") reject(new Error(`${cmd} missing: ${install}`));
      else if (error) reject(new Error(`${cmd} failed: ${stderr}`));
      else resolve();
    }),
  );
}
