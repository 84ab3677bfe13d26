// Start our embedded DNS server for a test: in this process (startEmbeddedDnsServer) or as the
// standalone child process the supervisor runs (lib/dns/embedded/main.ts), in a temp data folder,
// on free loopback ports; `restart()` stops it and starts it again on the same data folder.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { createEmbeddedProvider } from "@/lib/dns/providers/embedded";
import { startEmbeddedDnsServer } from "@/lib/dns/embedded/server";
import type { EmbeddedDnsOptions } from "@/lib/dns/embedded/types";
import type { DnsProvider } from "@/lib/dns/types";

export type EmbeddedDnsTestServer = {
  host: "127.0.0.1";
  port: number;
  controlUrl: string;
  controlKey: string;
  dataDir: string;
  /** PID of the server process (this process when in-process). */
  pid: number;
  provider(timeoutMs?: number): DnsProvider;
  /** Child mode: everything the process printed. */
  log(): string;
  /** Child mode: how the previous process ended on restart ("0", "1", "SIGKILL"…); null before. */
  lastExit: string | null;
  restart(): Promise<void>;
  /** Stop the server and delete its data folder. */
  stop(): Promise<void>;
};

export type StartOptions = Partial<Omit<EmbeddedDnsOptions, "dataDir" | "controlKey">> & { child?: boolean };

const MAIN = fileURLToPath(new URL("../../lib/dns/embedded/main.ts", import.meta.url));

// Start a server for `zones` (default ["dyn.test"]).
export async function startEmbeddedDns(options: StartOptions = {}): Promise<EmbeddedDnsTestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "embedded-dns-"));
  const controlKey = randomBytes(24).toString("base64url");
  const { child, ...rest } = options;
  const config: EmbeddedDnsOptions = { port: 0, controlPort: 0, zones: ["dyn.test"], nameservers: ["ns1.dyn.test."], ...rest, dataDir, controlKey };
  let running = child ? await startChild(config) : await startInProcess(config);
  const self: EmbeddedDnsTestServer = {
    host: "127.0.0.1",
    port: running.port,
    controlUrl: running.controlUrl,
    controlKey,
    dataDir,
    pid: running.pid,
    provider: (timeoutMs = 5_000) => createEmbeddedProvider({ controlUrl: self.controlUrl, controlKey, timeoutMs }),
    log: () => running.log(),
    lastExit: null,
    async restart() {
      self.lastExit = await running.close();
      running = child ? await startChild(config) : await startInProcess(config);
      self.port = running.port;
      self.pid = running.pid;
      self.controlUrl = running.controlUrl;
    },
    async stop() {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}

type Running = { pid: number; port: number; controlUrl: string; log(): string; close(): Promise<string | null> };

async function startInProcess(config: EmbeddedDnsOptions): Promise<Running> {
  const s = await startEmbeddedDnsServer(config);
  return { pid: process.pid, port: s.udpPort, controlUrl: s.controlUrl, log: () => "", close: () => s.close().then(() => null) };
}

// Spawn main.ts with the settings in EMBEDDED_DNS_CONFIG; resolve on its "dns ready" line.
function startChild(config: EmbeddedDnsOptions): Promise<Running> {
  const proc = spawn(process.execPath, ["--import", "tsx", MAIN], {
    cwd: path.resolve(path.dirname(MAIN), "../../.."),
    env: { ...process.env, EMBEDDED_DNS_CONFIG: JSON.stringify(config) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ended = () => String(proc.exitCode ?? proc.signalCode);
  const close = () =>
    new Promise<string>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve(ended());
      const kill = setTimeout(() => proc.kill("SIGKILL"), 10_000);
      proc.once("exit", () => (clearTimeout(kill), resolve(ended())));
      proc.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (void close(), reject(new Error(`embedded DNS not ready after 30 s:\n${output}`))), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /^dns ready udp=(\d+) tcp=(\d+) control=(\S+)$/m.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ pid: proc.pid!, port: Number(m[1]), controlUrl: m[3]!, log: () => output, close });
      }
    };
    proc.stdout.on("data", onData);
    proc.stderr.on("data", onData);
    proc.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`embedded DNS exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}
