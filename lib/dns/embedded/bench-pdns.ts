// For bench.ts: PowerDNS Authoritative (gsqlite3, default caches incl. the packet cache) serving the
// same zone and names on a free loopback port, for a like-for-like dnsperf comparison.
import { execFile, spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

const SCHEMA = "/usr/share/pdns-backend-sqlite3/schema/schema.sqlite3.sql";

// Start pdns_server in `dir` with `names` A records under dyn.test; resolves with its port and stop().
export async function startBenchPowerDns(dir: string, names: { name: string; ip: string }[]) {
  const db = path.join(dir, "pdns.db");
  const sql = [
    "BEGIN;",
    "INSERT INTO domains (id, name, type) VALUES (1, 'dyn.test', 'NATIVE');",
    "INSERT INTO records (domain_id, name, type, content, ttl, auth) VALUES (1, 'dyn.test', 'SOA', 'ns1.dyn.test. hostmaster.dyn.test. 1 10800 3600 604800 60', 3600, 1);",
    "INSERT INTO records (domain_id, name, type, content, ttl, auth) VALUES (1, 'dyn.test', 'NS', 'ns1.dyn.test.', 3600, 1);",
    ...names.map((n) => `INSERT INTO records (domain_id, name, type, content, ttl, auth) VALUES (1, '${n.name}', 'A', '${n.ip}', 60, 1);`),
    "COMMIT;",
  ].join("\n");
  await writeFile(path.join(dir, "seed.sql"), sql);
  await run("sqlite3", [db, `.read ${SCHEMA}`, `.read ${path.join(dir, "seed.sql")}`]);
  const port = await freePort();
  const conf = [
    "launch=gsqlite3", `gsqlite3-database=${db}`, "local-address=127.0.0.1", `local-port=${port}`,
    "daemon=no", "guardian=no", "disable-syslog=yes", `socket-dir=${dir}`, "security-poll-suffix=", "loglevel=3",
  ];
  await writeFile(path.join(dir, "pdns.conf"), conf.join("\n") + "\n");
  const child = spawn("/usr/sbin/pdns_server", [`--config-dir=${dir}`], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  for (let i = 0; i < 100 && !/[Dd]one launching threads|ready to distribute/.test(log); i++) await new Promise((r) => setTimeout(r, 100));
  return {
    port,
    pid: child.pid!,
    stop: () => new Promise<void>((resolve) => (child.once("exit", () => resolve()), child.kill("SIGTERM"))),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => execFile(cmd, args, (e, _o, stderr) => (e ? reject(new Error(`${cmd}: ${stderr || e}`)) : resolve())));
}
