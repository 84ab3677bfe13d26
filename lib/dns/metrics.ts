// Metrics of the DNS path in this process (the dispatcher's counters and the commit → applied
// latency histogram) plus the queue's state read from the database. The worker copies the
// snapshot into its heartbeat row, so a /metrics endpoint in another process can serve it.
import type { Db } from "@/lib/db";

/** Upper bounds (ms) of the push-latency histogram buckets; the last bucket is +Inf. */
export const LATENCY_BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000] as const;
const RESERVOIR = 4096;

const state = {
  buckets: new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0),
  count: 0,
  sumMs: 0,
  recent: [] as number[],
  recentAt: 0,
  batches: 0,
  appliedRRsets: 0,
  retryableErrors: 0,
  fatalErrors: 0,
  lastBatchAt: null as Date | null,
};

/** Records one rrset's latency from the commit that queued it to the backend confirming it. */
export function recordPushLatency(ms: number): void {
  const v = Math.max(0, ms);
  let i = LATENCY_BUCKETS_MS.findIndex((b) => v <= b);
  if (i < 0) i = LATENCY_BUCKETS_MS.length;
  state.buckets[i]!++;
  state.count++;
  state.sumMs += v;
  if (state.recent.length < RESERVOIR) state.recent.push(v);
  else state.recent[state.recentAt++ % RESERVOIR] = v;
}

/** Records one dispatcher batch's outcome. */
export function recordBatch(o: { applied: number; retryable: number; fatal: number }): void {
  state.batches++;
  state.appliedRRsets += o.applied;
  state.retryableErrors += o.retryable;
  state.fatalErrors += o.fatal;
  state.lastBatchAt = new Date();
}

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export type DnsMetricsSnapshot = {
  pushLatencyMs: { buckets: { le: number | "+Inf"; count: number }[]; count: number; sum: number; p50: number | null; p99: number | null };
  batches: number;
  appliedRRsets: number;
  retryableErrors: number;
  fatalErrors: number;
  lastBatchAt: string | null;
};

/** This process's dispatcher metrics (cumulative buckets, Prometheus style; p50/p99 over the last 4 096 pushes). */
export function getDnsMetrics(): DnsMetricsSnapshot {
  const sorted = [...state.recent].sort((a, b) => a - b);
  let cumulative = 0;
  const buckets = state.buckets.map((n, i) => {
    cumulative += n;
    return { le: i < LATENCY_BUCKETS_MS.length ? LATENCY_BUCKETS_MS[i]! : ("+Inf" as const), count: cumulative };
  });
  return {
    pushLatencyMs: { buckets, count: state.count, sum: state.sumMs, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) },
    batches: state.batches,
    appliedRRsets: state.appliedRRsets,
    retryableErrors: state.retryableErrors,
    fatalErrors: state.fatalErrors,
    lastBatchAt: state.lastBatchAt?.toISOString() ?? null,
  };
}

/** Clears this process's metrics (tests). */
export function resetDnsMetrics(): void {
  state.buckets.fill(0);
  Object.assign(state, { count: 0, sumMs: 0, recent: [], recentAt: 0, batches: 0, appliedRRsets: 0, retryableErrors: 0, fatalErrors: 0, lastBatchAt: null });
}

export type QueueStats = { depth: number; failed: number; retrying: number; oldestPendingAgeS: number | null };

/** The outbox as seen in the database: pending rows, failed rows, and the age of the oldest pending one. */
export async function getQueueStats(client: Db): Promise<QueueStats> {
  const [row] = await client.$queryRawUnsafe<{ depth: number; failed: number; retrying: number; oldest: number | null }[]>(
    `SELECT count(*) FILTER (WHERE "status" = 'PENDING')::int AS depth,
            count(*) FILTER (WHERE "status" = 'FAILED')::int AS failed,
            count(*) FILTER (WHERE "status" = 'PENDING' AND "attempts" > 0)::int AS retrying,
            extract(epoch FROM now() - min("createdAt") FILTER (WHERE "status" = 'PENDING'))::float8 AS oldest
     FROM "DnsOutbox"`,
  );
  return { depth: row!.depth, failed: row!.failed, retrying: row!.retrying, oldestPendingAgeS: row!.oldest };
}
