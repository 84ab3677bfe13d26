// Shared plumbing for the BIND and Knot test harnesses: a free loopback port (UDP and TCP), the
// daemon binary check, starting a foreground daemon until its log says it is ready, and stopping it.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { accessSync, constants } from "node:fs";
import dgram from "node:dgram";
import net from "node:net";

// A port free for both TCP and UDP on 127.0.0.1 (asked from the kernel, never fixed).
export async function freeDnsPort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once("error", reject);
      srv.listen(0, "127.0.0.1", () => {
        const { port } = srv.address() as net.AddressInfo;
        srv.close(() => resolve(port));
      });
    });
    const udpFree = await new Promise<boolean>((resolve) => {
      const sock = dgram.createSocket("udp4");
      sock.once("error", () => resolve(false));
      sock.bind(port, "127.0.0.1", () => sock.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
  throw new Error("no free loopback port for TCP and UDP");
}

// Absolute path of a daemon, or an error telling which Debian package to install.
export function requireBinary(name: string, aptPackage: string): string {
  const dirs = [...(process.env.PATH ?? "").split(":"), "/usr/sbin", "/usr/local/sbin", "/sbin"];
  for (const dir of dirs) {
    const path = `${dir}/${name}`;
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      continue;
    }
  }
  throw new Error(`${name} is not installed: apt-get install ${aptPackage}`);
}

/** A running daemon: `log()` is everything it printed so far. */
export type Daemon = { child: ChildProcess; log(): string; stop(): Promise<void> };

// Start `bin args` and resolve once its output matches `ready`; reject with the log if it exits first.
export function startDaemon(bin: string, args: string[], ready: RegExp, timeoutMs = 20_000): Promise<Daemon> {
  const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill("SIGKILL"), 5_000);
      child.once("exit", () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill("SIGTERM");
    });
  const daemon: Daemon = { child, log: () => output, stop };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${bin} not ready after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve(daemon);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${bin} exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
}

/** What a test needs to reach a real DNS server started for it. */
export type DnsTestServer = {
  host: string;
  port: number;
  zone: string;
  /** The key tests use by default (hmac-sha256); `sha512Key` is a second key with the same rights. */
  key: { name: string; algorithm: "hmac-sha256"; secret: string };
  sha512Key: { name: string; algorithm: "hmac-sha512"; secret: string };
  dir: string;
  log(): string;
  stop(): Promise<void>;
};

export const TEST_ZONE = "dyn.test";

// Fresh random keys for one server: the main hmac-sha256 key and a second hmac-sha512 one.
export function testKeys(): Pick<DnsTestServer, "key" | "sha512Key"> {
  return {
    key: { name: "ddns-key", algorithm: "hmac-sha256", secret: randomBytes(32).toString("base64") },
    sha512Key: { name: "ddns-key-512", algorithm: "hmac-sha512", secret: randomBytes(64).toString("base64") },
  };
}

// The zone file both harnesses load: SOA and apex NS only (the NS target is outside the zone).
export function zoneFile(zone: string): string {
  return [
    `$ORIGIN ${zone}.`,
    "$TTL 300",
    `@ IN SOA ns1.example. hostmaster.example. 1 3600 600 86400 60`,
    "@ IN NS ns1.example.",
    "",
  ].join("\n");
}
