// The HTTP load generator wrapper: `wrk` when installed (lighter on the 2 cores we share with the
// service), else autocannon from npm. Both walk the same list of paths and count the answers.
import autocannon from "autocannon";
import { runWrk } from "./wrk";

export type LoadOptions = {
  baseUrl: string;
  /** Request paths, walked in order and round again; each connection/thread starts elsewhere. */
  paths: string[];
  headers?: Record<string, string>;
  durationS: number;
  connections: number;
  threads?: number;
};

export type LoadResult = {
  tool: "wrk" | "autocannon";
  requestsPerSecond: number;
  requests: number;
  durationS: number;
  latencyMs: { p50: number; p95: number; p99: number } | null;
  /** Answers by "<HTTP status> <first word of the body>", e.g. "200 good". */
  answers: Record<string, number>;
  socketErrors: number;
};

/** Runs the load with wrk when `useWrk`, else autocannon. */
export function runLoad(opts: LoadOptions, useWrk: boolean): Promise<LoadResult> {
  return useWrk ? runWrk(opts) : runAutocannon(opts);
}

/** How many answers matched `key` per second of the run (e.g. "200 good"). */
export function answerRate(r: LoadResult, key: string): number {
  return r.durationS > 0 ? (r.answers[key] ?? 0) / r.durationS : 0;
}

/** The answer counts other than `keys`, as "200 nochg×3, 500 ×1" (empty when none). */
export function otherAnswers(r: LoadResult, keys: string[]): string {
  return Object.entries(r.answers)
    .filter(([k]) => !keys.includes(k))
    .map(([k, n]) => `${k}×${n}`)
    .join(", ");
}

async function runAutocannon(opts: LoadOptions): Promise<LoadResult> {
  const answers: Record<string, number> = {};
  let i = 0;
  const result = await autocannon({
    url: opts.baseUrl,
    connections: opts.connections,
    duration: opts.durationS,
    headers: opts.headers,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => ({ ...req, path: opts.paths[i++ % opts.paths.length] }),
        onResponse: (status: number, body: string) => {
          const key = `${status} ${/^(\S+)/.exec(body.slice(0, 16))?.[1] ?? ""}`;
          answers[key] = (answers[key] ?? 0) + 1;
        },
      },
    ],
  });
  const total = Object.values(answers).reduce((a, b) => a + b, 0);
  return {
    tool: "autocannon",
    requestsPerSecond: total / result.duration,
    requests: total,
    durationS: result.duration,
    latencyMs: { p50: result.latency.p50, p95: result.latency.p97_5, p99: result.latency.p99 },
    answers,
    socketErrors: result.errors + result.timeouts,
  };
}
