// `npm run bench [-- <name>…] [--quick] [--json <file>]`: measures the service against its
// performance goals and prints one table (value, goal, met, reference, ratio). Benchmarks report,
// they never fail on slowness; the exit code is non-zero only when a benchmark could not run.
import { parseArgs } from "node:util";
import { bulk } from "./bulk";
import { dashboards } from "./dashboards";
import { dns } from "./dns";
import { latency } from "./latency";
import { memory } from "./memory";
import { Cleanup } from "./support/cleanup";
import { checkTools, postgresAdminUrl } from "./support/environment";
import { machineInfo, writeReport } from "./support/report";
import { PeakRegistry } from "./support/rss";
import { renderTable } from "./support/table";
import { throughput } from "./throughput";
import type { BenchContext, Benchmark, Result } from "./types";

const ALL: Benchmark[] = [latency, throughput, bulk, dns, dashboards, memory];
const FEEDS_MEMORY = ["latency", "throughput", "bulk", "dns"];

const USAGE = `usage: npm run bench [-- <name>…] [--quick] [--json <file>]
benchmarks: ${ALL.map((b) => b.name).join(", ")} (default: all)
  --quick        small sizes and short runs (proves each benchmark works; numbers are rough)
  --json <file>  also write the results as JSON`;

function selection(names: string[]): Benchmark[] {
  const unknown = names.filter((n) => !ALL.some((b) => b.name === n));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(", ")}\n${USAGE}`);
  const chosen = names.length ? ALL.filter((b) => names.includes(b.name)) : ALL;
  // memory reports the peaks seen during 1–4: run those too when it is asked for alone.
  if (chosen.some((b) => b.name === "memory") && !chosen.some((b) => FEEDS_MEMORY.includes(b.name))) {
    return ALL.filter((b) => FEEDS_MEMORY.includes(b.name) || b.name === "memory");
  }
  return chosen;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { quick: { type: "boolean", default: false }, json: { type: "string" }, help: { type: "boolean", default: false } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const benchmarks = selection(positionals);
  const started = Date.now();
  const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  const cleanup = new Cleanup();
  const interrupt = (signal: string) => {
    log(`${signal}: stopping everything the benchmarks started…`);
    void cleanup.dispose(log).finally(() => process.exit(130));
  };
  process.once("SIGINT", () => interrupt("SIGINT"));
  process.once("SIGTERM", () => interrupt("SIGTERM"));

  const ctx: BenchContext = {
    quick: values.quick!,
    log,
    cleanup,
    peaks: new PeakRegistry(),
    postgresAdminUrl: await postgresAdminUrl(),
    tools: await checkTools(log),
  };
  if (!ctx.postgresAdminUrl) log("no PostgreSQL at 127.0.0.1:5432: benchmarks use the embedded PostgreSQL; throughput needs the system one");
  const results: Result[] = [];
  let failures = 0;
  for (const b of benchmarks) {
    const t = Date.now();
    log(`${b.name}: ${b.title}${ctx.quick ? " (quick)" : ""}`);
    try {
      const rows = await b.run(ctx);
      results.push(...rows);
      console.log(renderTable(rows));
    } catch (e) {
      failures++;
      const message = e instanceof Error ? e.message : String(e);
      log(`${b.name} failed: ${e instanceof Error ? (e.stack ?? message) : message}`);
      results.push({ name: b.name, value: null, unit: "", goal: null, met: null, note: `error: ${message.split("\n")[0]}` });
    } finally {
      await cleanup.dispose(log);
    }
    log(`${b.name} took ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }

  const machine = machineInfo();
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  console.log(`\n${command} — ${machine.date.slice(0, 10)}, ${machine.cpu}, ${machine.cores} cores, ${(machine.mem / 1024).toFixed(0)} GiB, Node ${machine.node}`);
  console.log(renderTable(results));
  if (values.json) {
    writeReport(values.json, { machine, command, quick: ctx.quick, results });
    log(`results written to ${values.json}`);
  }
  log(`done in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
