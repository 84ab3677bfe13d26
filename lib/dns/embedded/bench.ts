// Benchmark: `node --import tsx lib/dns/embedded/bench.ts [--workers N] [--seconds S] [--names N]`.
// Starts the server on loopback in a temp folder, loads N names (A records) through the control API,
// then runs the real `dnsperf` over them and prints its queries-per-second line.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbeddedDnsServer } from "./server";

const { values } = parseArgs({
  options: {
    workers: { type: "string", default: "0" },
    seconds: { type: "string", default: "15" },
    names: { type: "string", default: "10000" },
    clients: { type: "string", default: "8" },
    outstanding: { type: "string", default: "200" },
    /** Cap dnsperf's rate (-Q); with --workers 0 the line then shows this process's CPU µs per query. */
    qps: { type: "string" },
  },
});

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "embedded-dns-bench-"));
  const server = await startEmbeddedDnsServer({
    port: 0,
    dataDir: path.join(dir, "data"),
    zones: ["dyn.test"],
    controlKey: "bench",
    workers: Number(values.workers),
  });
  try {
    const count = Number(values.names);
    const rrsets = Array.from({ length: count }, (_, i) => ({
      name: `h${i}.dyn.test`,
      type: "A",
      ttl: 60,
      changetype: "REPLACE",
      records: [`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`],
    }));
    const res = await fetch(`${server.controlUrl}/v1/zones/dyn.test/rrsets`, {
      method: "PATCH",
      headers: { authorization: "Bearer bench", "content-type": "application/json" },
      body: JSON.stringify({ rrsets }),
    });
    if (!res.ok) throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
    const queries = path.join(dir, "queries.txt");
    await writeFile(queries, rrsets.map((r) => `${r.name} A\n`).join(""));
    const args = ["-s", "127.0.0.1", "-p", String(server.udpPort), "-d", queries, "-l", values.seconds!, "-c", values.clients!, "-q", values.outstanding!];
    if (values.qps) args.push("-Q", values.qps);
    const cpu = process.cpuUsage();
    const out = await new Promise<string>((resolve, reject) =>
      execFile("dnsperf", args, { maxBuffer: 1 << 20 }, (e, stdout, stderr) => (e ? reject(new Error(stderr || String(e))) : resolve(stdout))),
    );
    const used = process.cpuUsage(cpu);
    const pick = (label: string) => new RegExp(`${label}:\\s+(.*)`).exec(out)?.[1]?.trim();
    console.log(`workers=${values.workers} names=${count} completed=${pick("Queries completed")} lost=${pick("Queries lost")} qps=${pick("Queries per second")} latency=${pick("Average Latency \\(s\\)")}`);
    const done = Number(/Queries completed:\s+(\d+)/.exec(out)?.[1] ?? 0);
    if (values.workers === "0" && done) console.log(`cpu per query in this process: ${((used.user + used.system) / done).toFixed(1)} µs`);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
