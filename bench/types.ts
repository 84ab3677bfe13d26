// Shapes shared by every benchmark: one result row, the goal it is held to, and what a benchmark
// receives from the runner (sizes, logging, clean-up, the memory peaks collected along the run).
import type { Cleanup } from "./support/cleanup";
import type { PeakRegistry } from "./support/rss";

/** A goal: the value must be at most (`<=`) or at least (`>=`) `value`, in the row's unit. */
export type Goal = { op: "<=" | ">="; value: number };

/**
 * One line of the results table and of the JSON file. `value` null means "not measured" (skipped or
 * failed; `note` says why) and then `met` MUST be null. `met` is null too when there is no goal.
 */
export type Result = {
  name: string;
  value: number | null;
  unit: string;
  goal: Goal | null;
  met: boolean | null;
  reference?: { name: string; value: number; unit: string };
  ratio?: number;
  note?: string;
};

export type BenchContext = {
  /** Small sizes and short runs: proves the benchmark works, measures little. */
  quick: boolean;
  log(line: string): void;
  /** Everything started by the running benchmark; disposed when it ends (also on Ctrl-C). */
  cleanup: Cleanup;
  /** Peak RSS per role (web, worker, dns…) over the whole run, fed by the benchmarks' samplers. */
  peaks: PeakRegistry;
  /** URL of a PostgreSQL admin database (system server) or null when none answers. */
  postgresAdminUrl: string | null;
  /** Which external programs are available. */
  tools: { wrk: boolean; dnsperf: boolean; pdns: boolean };
};

export type Benchmark = {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<Result[]>;
};

/** A result row with `met` computed from the goal. */
export function result(
  name: string,
  value: number,
  unit: string,
  goal: Goal | null,
  extra: Pick<Result, "reference" | "ratio" | "note"> = {},
): Result {
  const met = goal === null ? null : goal.op === "<=" ? value <= goal.value : value >= goal.value;
  return { name, value, unit, goal, met, ...extra };
}

/** A row for something not measured: "skipped: <feature> not available (<reason>)" or an error. */
export function notMeasured(name: string, unit: string, goal: Goal | null, note: string): Result {
  return { name, value: null, unit, goal, met: null, note };
}

/** The standard wording for a feature that has not landed yet. */
export function skipped(feature: string, reason: string): string {
  return `skipped: ${feature} not available (${reason})`;
}

/** Runs one part of a benchmark; if it throws, its rows become "error: …" rows and the rest goes on. */
export async function orError(rows: { name: string; unit: string; goal: Goal | null }[], log: (line: string) => void, fn: () => Promise<Result[]>): Promise<Result[]> {
  try {
    return await fn();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log(`${rows.map((r) => r.name).join(", ")} failed: ${e instanceof Error ? (e.stack ?? message) : message}`);
    return rows.map((r) => notMeasured(r.name, r.unit, r.goal, `error: ${message.split("\n")[0]}`));
  }
}
