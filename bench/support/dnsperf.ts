// `dnsperf` (Debian) against a server on loopback: A queries over a list of names for a fixed time.
import { execFile } from "node:child_process";
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
  /** Queries/s of each whole second of the run (dnsperf -S 1), first and last partial seconds left out. */
  perSecond: number[];
};

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
  const perSecond = [...out.matchAll(/^\d+\.\d+: ([\d.]+)$/gm)].map((m) => Number(m[1])).slice(1, -1);
  return {
    perSecond,
    queriesPerSecond: num("Queries per second"),
    sent: num("Queries sent"),
    completed: num("Queries completed"),
    lost: num("Queries lost"),
    rcodes,
    avgLatencyMs: num("Average Latency \\(s\\)") * 1000,
  };
}

export type DnsperfOptions = { port: number; names: string[]; seconds: number; clients?: number; outstanding?: number };

/** Runs dnsperf for `seconds` over `names` (A queries), in a temp folder removed afterwards. */
export function runDnsperf(opts: DnsperfOptions): Promise<DnsperfResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dynhost-dnsperf-"));
  const file = path.join(dir, "queries.txt");
  writeFileSync(file, opts.names.map((n) => `${n} A\n`).join(""));
  const args = ["-s", "127.0.0.1", "-p", String(opts.port), "-d", file, "-l", String(opts.seconds)];
  args.push("-c", String(opts.clients ?? 8), "-q", String(opts.outstanding ?? 200), "-t", "2", "-S", "1");
  return new Promise((resolve, reject) =>
    execFile("dnsperf", args, { maxBuffer: 8 << 20, timeout: (opts.seconds + 60) * 1000 }, (err, stdout, stderr) => {
      rmSync(dir, { recursive: true, force: true });
      if (err) return reject(new Error(`dnsperf failed: ${err.message}\n${stdout}${stderr}`));
      try {
        resolve(parseDnsperf(stdout));
      } catch (e) {
        reject(e);
      }
    }),
  );
}
