// pruneUpdateHistory — deletes update events older than the retention period in small batches,
// each its own short statement, so the append-only inserts of the update path never wait on it.
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";

const DAY = 86_400_000;

// One batch: the oldest `batch` rows before the cutoff, found through UpdateEvent_createdAt_idx.
const BATCH_SQL = `
DELETE FROM "UpdateEvent" WHERE "id" IN (
  SELECT "id" FROM "UpdateEvent" WHERE "createdAt" < $1 ORDER BY "createdAt" LIMIT $2
)`;

export type PruneResult = { deleted: number; batches: number; done: boolean };

/**
 * Deletes events older than `retentionDays` (default HISTORY_RETENTION_DAYS) in batches of
 * `batchSize` (default 5 000), at most `maxBatches` per call (default 200), sleeping `pauseMs`
 * between batches. `done` is false when rows remain for the next call.
 */
export async function pruneUpdateHistory(
  client: Db,
  args: { now?: Date; retentionDays?: number; batchSize?: number; maxBatches?: number; pauseMs?: number } = {},
): Promise<PruneResult> {
  const now = args.now ?? new Date();
  const cutoff = new Date(now.getTime() - (args.retentionDays ?? env().HISTORY_RETENTION_DAYS) * DAY);
  const batchSize = args.batchSize ?? 5000;
  const maxBatches = args.maxBatches ?? 200;
  let deleted = 0;
  let batches = 0;
  while (batches < maxBatches) {
    const n = await client.$executeRawUnsafe(BATCH_SQL, cutoff, batchSize);
    batches += 1;
    deleted += n;
    if (n < batchSize) return { deleted, batches, done: true };
    if (args.pauseMs) await new Promise((r) => setTimeout(r, args.pauseMs));
  }
  return { deleted, batches, done: false };
}
