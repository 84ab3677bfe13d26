// The outbox table's SQL: claiming due rows, per-rrset locks, reading the state to publish, and
// recording the outcome. The dispatcher composes these inside one transaction per batch.
import type { Db, Tx } from "@/lib/db";
import type { PublishHost, StoredRRset } from "./publish";
import type { RRType } from "./types";

export type OutboxRow = { id: bigint; zone: string; name: string; type: RRType; version: bigint; attempts: number; createdAt: Date };
export type CurrentRRset = StoredRRset & { version: bigint; publishedVersion: bigint };

// Advisory-lock namespace (first int of the two-int form) for "this name is being published".
const NAME_LOCK_CLASS = 4242_0002;

/** Claims up to `limit` due PENDING rows; rows another dispatcher holds are skipped, not waited for. */
export async function claimDue(tx: Tx, limit: number, pausedZones: string[]): Promise<OutboxRow[]> {
  return tx.$queryRawUnsafe<OutboxRow[]>(
    `SELECT "id", "zone", "name", "type"::text AS "type", "version", "attempts", "createdAt" FROM "DnsOutbox"
     WHERE "status" = 'PENDING' AND "nextAttemptAt" <= now() AND NOT ("zone" = ANY($2::text[]))
     ORDER BY "nextAttemptAt", "id" LIMIT $1 FOR UPDATE SKIP LOCKED`,
    limit,
    pausedZones,
  );
}

/**
 * Takes the transaction-scoped publish lock of each name, in one global order (no deadlocks).
 * Whoever holds it reads the current state and pushes it, so an older state can never be pushed
 * after a newer one. Per name, not per rrset, so all types at a name go out together (a CNAME
 * replacing an A is one delete and one create in one request).
 */
export async function lockNames(tx: Tx, names: string[]): Promise<void> {
  if (names.length === 0) return;
  await tx.$queryRawUnsafe(
    `SELECT count(pg_advisory_xact_lock(${NAME_LOCK_CLASS}, s.k))::int AS n FROM (
       SELECT DISTINCT hashtext(n) AS k FROM unnest($1::text[]) AS n ORDER BY 1
     ) AS s`,
    names,
  );
}

/** Every stored row at these names, and every host that decides how they (or the names) publish. */
export async function readState(tx: Tx, names: string[]): Promise<{ rows: CurrentRRset[]; hosts: PublishHost[] }> {
  const rows = await tx.$queryRawUnsafe<(Omit<CurrentRRset, "records"> & { records: string[] | null })[]>(
    `SELECT r."name", r."type"::text AS "type", r."ttl", r."records", r."hostId"::text AS "hostId", r."version", r."publishedVersion"
     FROM "RRset" r WHERE r."name" = ANY($1::text[])`,
    names,
  );
  const hostIds = [...new Set(rows.map((r) => r.hostId).filter((id): id is string => id !== null))];
  const hosts = await tx.$queryRawUnsafe<PublishHost[]>(
    `SELECT "id"::text AS "id", "fqdn", "status"::text AS "status" FROM "Host" WHERE "id" = ANY($1::uuid[]) OR "fqdn" = ANY($2::text[])`,
    hostIds,
    names,
  );
  return { rows: rows.map((r) => ({ ...r, records: r.records ?? [] })), hosts };
}

/** Records what was pushed: publishedVersion, removal of published deletes, and the done outbox rows. */
export async function markPublished(tx: Tx, published: { name: string; type: RRType; version: bigint }[], outboxIds: bigint[]) {
  if (published.length > 0) {
    const args = [published.map((p) => p.name), published.map((p) => p.type), published.map((p) => p.version.toString())] as const;
    await tx.$executeRawUnsafe(
      `UPDATE "RRset" r SET "publishedVersion" = k.v, "publishedAt" = now()
       FROM unnest($1::text[], $2::text[], $3::bigint[]) AS k(name, type, v)
       WHERE r."name" = k.name AND r."type" = k.type::"RRType" AND r."publishedVersion" < k.v`,
      ...args,
    );
    await tx.$executeRawUnsafe(
      `DELETE FROM "RRset" r USING unnest($1::text[], $2::text[], $3::bigint[]) AS k(name, type, v)
       WHERE r."name" = k.name AND r."type" = k.type::"RRType" AND r."version" = k.v AND cardinality(r."records") = 0`,
      ...args,
    );
    // Failed rows of versions now superseded by a successful push are moot.
    await tx.$executeRawUnsafe(
      `DELETE FROM "DnsOutbox" o USING unnest($1::text[], $2::text[], $3::bigint[]) AS k(name, type, v)
       WHERE o."status" = 'FAILED' AND o."name" = k.name AND o."type" = k.type::"RRType" AND o."version" <= k.v`,
      ...args,
    );
  }
  await deleteRows(tx, outboxIds);
}

export async function deleteRows(tx: Tx, ids: bigint[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRawUnsafe(`DELETE FROM "DnsOutbox" WHERE "id" = ANY($1::bigint[])`, ids.map(String));
}

/** Schedules another attempt for each row after its own delay (ms), keeping the error for admins. */
export async function markRetry(tx: Tx, rows: { id: bigint; delayMs: number; error: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "DnsOutbox" o SET "attempts" = o."attempts" + 1, "lastError" = k.error,
       "nextAttemptAt" = now() + k.ms * interval '1 millisecond'
     FROM unnest($1::bigint[], $2::int[], $3::text[]) AS k(id, ms, error) WHERE o."id" = k.id`,
    rows.map((r) => r.id.toString()),
    rows.map((r) => Math.round(r.delayMs)),
    rows.map((r) => r.error.slice(0, 2000)),
  );
}

/** Gives up on rows: status FAILED with the error; they stay until an admin requeues them. */
export async function markFailed(tx: Tx, rows: { id: bigint; error: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "DnsOutbox" o SET "status" = 'FAILED', "attempts" = o."attempts" + 1, "lastError" = k.error
     FROM unnest($1::bigint[], $2::text[]) AS k(id, error) WHERE o."id" = k.id`,
    rows.map((r) => r.id.toString()),
    rows.map((r) => r.error.slice(0, 2000)),
  );
}

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
  if (count > 0) await client.$queryRawUnsafe(`SELECT count(*)::int AS n FROM (SELECT pg_notify('dns_outbox', '')) AS n`);
  return count;
}
