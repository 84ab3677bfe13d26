// Benchmark: `node --import tsx lib/dns/embedded/bench.ts [--target embedded|pdns] [--workers N]
// [--seconds S] [--names N] [--qps Q]`. Serves N names (A records) on loopback — our server loaded
// through its control API, or PowerDNS with its packet cache — and runs the real `dnsperf` on them.
import { execFile } from "node:child_process";
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startBenchPowerDns } from "./bench-pdns";
import { startEmbeddedDnsServer } from "./server";

const { values } = parseArgs({
  options: {
    target: { type: "string", default: "embedded" },
    workers: { type: "string", default: "0" },
    seconds: { type: "string", default: "15" },
    names: { type: "string", default: "10000" },
    clients: { type: "string", default: "8" },
    outstanding: { type: "string", default: "200" },
    /** Cap dnsperf's rate (-Q). */
    qps: { type: "string" },
  },
});

async function startEmbedded(dir: string, names: { name: string; ip: string }[]) {
  const server = await startEmbeddedDnsServer({ port: 0, dataDir: path.join(dir, "data"), zones: ["dyn.test"], controlKey: "bench", workers: Number(values.workers) });
  const rrsets = names.map((n) => ({ name: n.name, type: "A", ttl: 60, changetype: "REPLACE", records: [n.ip] }));
  const res = await fetch(`${server.controlUrl}/v1/zones/dyn.test/rrsets`, {
    method: "PATCH",
    headers: { authorization: "Bearer bench", "content-type": "application/json" },
    body: JSON.stringify({ rrsets }),
  });
  if (!res.ok) throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
  return { port: server.udpPort, pid: process.pid, stop: () => server.close() };
}

// CPU time (ms) used so far by the server: pdns_server, or this process and its cluster workers.
function serverCpuMs(pid: number): number {
  const pids = pid === process.pid ? [pid, ...Object.values(cluster.workers ?? {}).map((w) => w!.process.pid!)] : [pid];
  let ms = 0;
  for (const p of pids) {
    const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
    ms += (Number(fields[11]) + Number(fields[12])) * 10;
  }
  return ms;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "embedded-dns-bench-"));
  const count = Number(values.names);
  const names = Array.from({ length: count }, (_, i) => ({ name: `h${i}.dyn.test`, ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }));
  const server = values.target === "pdns" ? await startBenchPowerDns(dir, names) : await startEmbedded(dir, names);
  try {
    const queries = path.join(dir, "queries.txt");
    await writeFile(queries, names.map((n) => `${n.name} A\n`).join(""));
    const args = ["-s", "127.0.0.1", "-p", String(server.port), "-d", queries, "-l", values.seconds!, "-c", values.clients!, "-q", values.outstanding!];
    if (values.qps) args.push("-Q", values.qps);
    const cpu = serverCpuMs(server.pid);
    const out = await new Promise<string>((resolve, reject) =>
      execFile("dnsperf", args, { maxBuffer: 1 << 20 }, (e, stdout, stderr) => (e ? reject(new Error(stderr || String(e))) : resolve(stdout))),
    );
    const used = serverCpuMs(server.pid) - cpu;
    const pick = (label: string) => new RegExp(`${label}:\\s+(.*)`).exec(out)?.[1]?.trim();
    const who = values.target === "pdns" ? "pdns" : `embedded workers=${values.workers}`;
    console.log(`${who} names=${count} completed=${pick("Queries completed")} lost=${pick("Queries lost")} qps=${pick("Queries per second")} latency=${pick("Average Latency \\(s\\)")}`);
    const done = Number(/Queries completed:\s+(\d+)/.exec(out)?.[1] ?? 0);
    if (done) console.log(`server CPU per query: ${((used * 1000) / done).toFixed(1)} µs`);
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
