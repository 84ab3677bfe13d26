// The contract of a periodic worker job.
import type { Db } from "@/lib/db";

/**
 * Contract: run() MUST be idempotent and safe to run in several workers at once (claims with
 * SKIP LOCKED, ON CONFLICT or leases), since every worker process runs every job. It gets the
 * time to act as of, so tests can time-travel. A thrown error is logged; the next tick retries.
 */
export type WorkerJob = {
  name: string;
  everyMs: number;
  run(db: Db, now: Date): Promise<string | null>;
};
