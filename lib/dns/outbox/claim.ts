// The dispatcher's side of the outbox: claiming due rows, per-name publish locks, reading the
// state to publish, and recording the outcome. The dispatcher composes these inside one
// transaction per batch; the reconciler takes the same locks.
import type { Tx } from "@/lib/db";
import { listenChannel, type Listener } from "@/lib/db/listen";
import type { PublishHost, StoredRRset } from "@/lib/dns/publish";
import type { RRType } from "@/lib/dns/types";
import { OUTBOX_CHANNEL } from "./channel";

export type OutboxRow = { id: bigint; zone: string; name: string; type: RRType; version: bigint; attempts: number; createdAt: Date };
export type CurrentRRset = StoredRRset & { version: bigint; publishedVersion: bigint };


// Advisory-lock namespace (first int of the two-int form) for "this name is being published".
const NAME_LOCK_CLASS = 4242_0002;

/**
 * Claims up to `limit` due PENDING rows (rows another dispatcher holds are skipped, not waited
 * for) and takes the publish lock of every name they touch, in one round trip.
 */
export async function claimDue(tx: Tx, limit: number, pausedZones: string[]): Promise<OutboxRow[]> {
  return tx.$queryRawUnsafe<OutboxRow[]>(
    `WITH c AS (
       SELECT "id", "zone", "name", "type"::text AS "type", "version", "attempts", "createdAt" FROM "DnsOutbox"
       WHERE "status" = 'PENDING' AND "nextAttemptAt" <= now() AND NOT ("zone" = ANY($2::text[]))
       ORDER BY "nextAttemptAt", "id" LIMIT $1 FOR UPDATE SKIP LOCKED
     ), l AS (
       SELECT count(pg_advisory_xact_lock(${NAME_LOCK_CLASS}, s.k)) AS n FROM (SELECT DISTINCT hashtext(c."name") AS k FROM c ORDER BY 1) AS s
     )
     SELECT c.* FROM c, l`,
    limit,
    pausedZones,
  );
}

/** Milliseconds until the earliest PENDING row outside the paused zones is due (Infinity if none). */
export async function nextDueIn(tx: Tx, pausedZones: string[]): Promise<number> {
  const [row] = await tx.$queryRawUnsafe<{ ms: number | null }[]>(
    `SELECT (extract(epoch FROM min("nextAttemptAt") - clock_timestamp()) * 1000)::float8 AS ms FROM "DnsOutbox"
     WHERE "status" = 'PENDING' AND NOT ("zone" = ANY($1::text[]))`,
    pausedZones,
  );
  return row?.ms == null ? Infinity : Math.max(0, Math.ceil(row.ms) + 1);
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

/** Every stored row at these names, and every host that decides how they (or the names) publish. MUST run after the lock. */
export async function readState(tx: Tx, names: string[]): Promise<{ rows: CurrentRRset[]; hosts: PublishHost[] }> {
  const [state] = await tx.$queryRawUnsafe<{ rows: (Omit<CurrentRRset, "version" | "publishedVersion"> & { version: string; publishedVersion: string })[]; hosts: PublishHost[] }[]>(
    `WITH r AS (
       SELECT "name", "type"::text AS "type", "ttl", coalesce("records", '{}') AS "records", "hostId"::text AS "hostId",
              "version"::text AS "version", "publishedVersion"::text AS "publishedVersion"
       FROM "RRset" WHERE "name" = ANY($1::text[])
     ), h AS (
       SELECT "id"::text AS "id", "fqdn", "status"::text AS "status" FROM "Host"
       WHERE "id" IN (SELECT "hostId"::uuid FROM r WHERE "hostId" IS NOT NULL) OR "fqdn" = ANY($1::text[])
     )
     SELECT (SELECT coalesce(json_agg(r), '[]') FROM r) AS "rows", (SELECT coalesce(json_agg(h), '[]') FROM h) AS "hosts"`,
    names,
  );
  const rows = state!.rows.map((r) => ({ ...r, version: BigInt(r.version), publishedVersion: BigInt(r.publishedVersion) }));
  return { rows, hosts: state!.hosts };
}

// In one statement: publishedVersion of what was pushed (rows still at that version and now empty
// are removed instead), FAILED rows of superseded versions, and the outbox rows that are done.
const PUBLISHED_SQL = `
WITH k AS (SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]) AS k(name, type, v)),
upd AS (
  UPDATE "RRset" r SET "publishedVersion" = k.v, "publishedAt" = now() FROM k
  WHERE r."name" = k.name AND r."type" = k.type::"RRType" AND r."publishedVersion" < k.v
    AND NOT (r."version" = k.v AND cardinality(r."records") = 0)
  RETURNING 1
), gone AS (
  DELETE FROM "RRset" r USING k
  WHERE r."name" = k.name AND r."type" = k.type::"RRType" AND r."version" = k.v AND cardinality(r."records") = 0
  RETURNING 1
), superseded AS (
  DELETE FROM "DnsOutbox" o USING k
  WHERE o."status" = 'FAILED' AND o."name" = k.name AND o."type" = k.type::"RRType" AND o."version" <= k.v
  RETURNING 1
), done AS (
  DELETE FROM "DnsOutbox" WHERE "id" = ANY($4::bigint[]) RETURNING 1
)
SELECT (SELECT count(*) FROM done)::int AS "done"`;

/** Records what was pushed (see PUBLISHED_SQL) and deletes the outbox rows that are done. */
export async function markPublished(tx: Tx, published: { name: string; type: RRType; version: bigint }[], outboxIds: bigint[]) {
  if (published.length === 0 && outboxIds.length === 0) return;
  await tx.$queryRawUnsafe(
    PUBLISHED_SQL,
    published.map((p) => p.name),
    published.map((p) => p.type),
    published.map((p) => p.version.toString()),
    outboxIds.map(String),
  );
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

// A dedicated connection listening on dns_outbox (lib/db/listen.ts); every (re)connect wakes the
// dispatcher once, to catch up on commits made while nobody listened.
export function listenOutbox(url: string, onNotify: () => void, log: (l: string) => void): Listener {
  return listenChannel({ url, channel: OUTBOX_CHANNEL, name: "dns", log, onNotification: () => onNotify(), onConnect: onNotify, appName: "dynhost outbox listener" });
}
