// Outbox rows the dispatcher gave up on (fatal backend errors) or keeps retrying: listed for
// admins (`dns:failed`) and put back in the queue on request.
import type { Db } from "@/lib/db";
import type { RRType } from "@/lib/dns/types";
import { OUTBOX_CHANNEL } from "./channel";

export type FailedOutboxRow = { id: bigint; zone: string; name: string; type: RRType; version: bigint; status: "PENDING" | "FAILED"; attempts: number; lastError: string | null; createdAt: Date; nextAttemptAt: Date };

// Rows an admin should look at: FAILED ones, and PENDING ones that already failed at least once.
export async function listFailedOutbox(client: Db, opts: { includeRetrying?: boolean; limit?: number } = {}): Promise<FailedOutboxRow[]> {
  const rows = await client.dnsOutbox.findMany({
    where: opts.includeRetrying ? { OR: [{ status: "FAILED" }, { attempts: { gt: 0 } }] } : { status: "FAILED" },
    orderBy: { id: "asc" },
    take: opts.limit ?? 1000,
  });
  return rows.map(({ id, zone, name, type, version, status, attempts, lastError, createdAt, nextAttemptAt }) => ({
    id, zone, name, type, version, status, attempts, lastError, createdAt, nextAttemptAt,
  }));
}

// Puts FAILED rows (all, or the given ids) back in the queue for an immediate attempt.
export async function requeueFailedOutbox(client: Db, ids?: bigint[]): Promise<number> {
  const { count } = await client.dnsOutbox.updateMany({
    where: { status: "FAILED", ...(ids ? { id: { in: ids } } : {}) },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date() },
  });
  if (count > 0) await client.$queryRawUnsafe(`SELECT count(*)::int AS n FROM (SELECT pg_notify('${OUTBOX_CHANNEL}', '')) AS n`);
  return count;
}
