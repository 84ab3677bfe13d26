// `dnsperf` (Debian) against a server on loopback: A queries over a list of names for a fixed time.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type DnsperfResult = {
  queriesPerSecond: number;
  sent: number;
  completed: number;
  lost: number;
  /** Share of answers per response code, e.g. { NOERROR: 100 }. */
  rcodes: Record<string, number>;
  avgLatencyMs: number;
  /** Queries/s of each second of the run (dnsperf -S 1), the first one left out (start-up). */
  perSecond: number[];
  samples: Sample[];
};

export type Sample = { at: number; qps: number };

/** The "-S 1" lines printed so far: "<unix time>: <queries/s of the second ending then>". */
export function parseSamples(out: string): Sample[] {
  return [...out.matchAll(/^(\d+\.\d+): ([\d.]+)$/gm)].map((m) => ({ at: Number(m[1]), qps: Number(m[2]) }));
}

/** Parses dnsperf's statistics block. */
export function parseDnsperf(out: string): DnsperfResult {
  const num = (label: string) => {
    const m = new RegExp(`${label}:\\s+([\\d.]+)`).exec(out);
    if (!m) throw new Error(`dnsperf printed no "${label}":\n${out}`);
    return Number(m[1]);
  };
  const rcodes: Record<string, number> = {};
  const codes = /Response codes:\s+(.*)/.exec(out)?.[1] ?? "";
  for (const m of codes.matchAll(/([A-Z]+) \d+ \(([\d.]+)%\)/g)) rcodes[m[1]!] = Number(m[2]);
  const samples = parseSamples(out);
  return {
    perSecond: samples.slice(1).map((x) => x.qps),
    samples,
    queriesPerSecond: num("Queries per second"),
    sent: num("Queries sent"),
    completed: num("Queries completed"),
    lost: num("Queries lost"),
    rcodes,
    avgLatencyMs: num("Average Latency \\(s\\)") * 1000,
  };
}

export type DnsperfOptions = {
  port: number; names: string[]; seconds: number; clients?: number; outstanding?: number;
  /** Offered load cap (dnsperf -Q); default: as fast as the server answers. */
  maxQps?: number;
};

export type DnsperfRun = {
  /** Per-second samples so far: `at` is the end of the second (Unix time, s). */
  samples(): Sample[];
  /** Stops early (SIGINT: dnsperf prints its statistics) and resolves with them. */
  stop(): Promise<DnsperfResult>;
  /** Resolves when dnsperf ends by itself after `seconds`. */
  done: Promise<DnsperfResult>;
};

/** Starts dnsperf for at most `seconds` over `names` (A queries); its temp folder goes when it ends. */
export function startDnsperf(opts: DnsperfOptions): DnsperfRun {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dynhost-dnsperf-"));
  const file = path.join(dir, "queries.txt");
  writeFileSync(file, opts.names.map((n) => `${n} A\n`).join(""));
  const args = ["-s", "127.0.0.1", "-p", String(opts.port), "-d", file, "-l", String(opts.seconds)];
  args.push("-c", String(opts.clients ?? 8), "-q", String(opts.outstanding ?? 200), "-t", "2", "-S", "1");
  if (opts.maxQps) args.push("-Q", String(Math.round(opts.maxQps)));
  const child = spawn("dnsperf", args, { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr.on("data", (b: Buffer) => (err = (err + b.toString()).slice(-4000)));
  const done = new Promise<DnsperfResult>((resolve, reject) => {
    child.once("error", (e) => reject(new Error(`dnsperf failed to start: ${e.message} (apt-get install dnsperf)`)));
    child.once("close", (code) => {
      rmSync(dir, { recursive: true, force: true });
      try {
        resolve(parseDnsperf(out));
      } catch (e) {
        reject(new Error(`dnsperf exited ${code}: ${(e as Error).message}\n${err}`));
      }
    });
  });
  return {
    samples: () => parseSamples(out),
    done,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
      return done;
    },
  };
}

/** Runs dnsperf for `seconds` and resolves with its statistics. */
export function runDnsperf(opts: DnsperfOptions): Promise<DnsperfResult> {
  return startDnsperf(opts).done;
}

/** Mean rate of the samples weighted by how much of each second lies inside / wholly outside [from, to]. */
export function rateInside(samples: Sample[], from: number, to: number): { inside: number | null; outside: number | null } {
  let wIn = 0, sumIn = 0, wOut = 0, sumOut = 0;
  for (const s of samples) {
    const overlap = Math.max(0, Math.min(s.at, to) - Math.max(s.at - 1, from));
    if (overlap > 0) {
      wIn += overlap;
      sumIn += overlap * s.qps;
    } else {
      wOut += 1;
      sumOut += s.qps;
    }
  }
  return { inside: wIn > 0 ? sumIn / wIn : null, outside: wOut > 0 ? sumOut / wOut : null };
}
