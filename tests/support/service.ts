// Starts the WHOLE service as a user would (`lib/server/main.ts`: supervisor, PostgreSQL, worker,
// embedded DNS, web) in a temp DATA_DIR on free ports, for integration tests and benchmarks.
// pages: false runs the web process with WEB_PAGES=off (machine endpoints only, no Next build).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freeDnsPort } from "./dns-daemon";

const root = path.resolve(import.meta.dirname, "..", "..");

/** A port free for TCP and UDP on 127.0.0.1. */
export const freeDualPort = freeDnsPort;

export type Service = {
  url: string;
  port: number;
  dnsPort: number;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  process: ChildProcess;
  /** Runs the operator CLI against this service's database; returns stdout, stderr, exit code. */
  cli(args: string[]): { stdout: string; stderr: string; status: number | null };
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the same service again (same DATA_DIR and ports), e.g. after stop() or a SIGKILL. */
  restart(): Promise<void>;
};

export async function startService(
  opts: { databaseUrl?: string; pages?: boolean; env?: Record<string, string>; production?: boolean } = {},
): Promise<Service> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "dynhost-svc-"));
  const [port, dnsPort, controlPort, pgPort] = [await freeDualPort(), await freeDualPort(), await freeDualPort(), await freeDualPort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: opts.production === false ? "development" : "production",
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    DNS_PORT: String(dnsPort),
    DNS_CONTROL_PORT: String(controlPort),
    EMBEDDED_PG_PORT: String(pgPort),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    WEB_PAGES: opts.pages ? "on" : "off",
    NEXT_TELEMETRY_DISABLED: "1",
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...opts.env,
  };
  if (!opts.databaseUrl) delete env.DATABASE_URL;
  delete env.TEST_DB_TARGET;
  const logFile = path.join(dataDir, "service.log");
  const svc: Service = {
    url: `http://127.0.0.1:${port}`,
    port,
    dnsPort,
    dataDir,
    env,
    logFile,
    process: undefined as unknown as ChildProcess,
    cli(args) {
      const r = spawnSync(process.execPath, ["--import", "tsx", path.join(root, "lib/cli/main.ts"), ...args], { cwd: root, env, encoding: "utf8" });
      return { stdout: r.stdout, stderr: r.stderr, status: r.status };
    },
    async stop(signal = "SIGTERM") {
      const p = svc.process;
      if (p.exitCode !== null || p.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        p.once("exit", () => resolve());
        p.kill(signal);
      });
    },
    async restart() {
      svc.process = await launch(env, logFile);
    },
  };
  svc.process = await launch(env, logFile);
  return svc;
}

function launch(env: NodeJS.ProcessEnv, logFile: string): Promise<ChildProcess> {
  const log = createWriteStream(logFile, { flags: "a" });
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "lib/server/main.ts")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`not up after 240 s`), 240_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`service ${why}; log:\n${readFileSync(logFile, "utf8").slice(-4000)}`));
    };
    let out = "";
    const onExit = (code: number | null) => fail(`exited with code ${code} before it was up`);
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes("dynhost is up")) {
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        child.off("exit", onExit);
        resolve(child);
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", onExit);
  });
}

/** Removes a stopped service's DATA_DIR. */
export function removeServiceData(svc: Service): void {
  rmSync(svc.dataDir, { recursive: true, force: true });
}
