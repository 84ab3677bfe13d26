// THE write path for desired DNS data: every feature (dashboard, REST API, /nic/update, CLI,
// abuse) changes rrsets through writeRRsets, so every change gets a version bump and an outbox
// row in the caller's transaction, and the dispatcher is woken at commit (pg_notify).
import type { Db, Tx } from "@/lib/db";
import { preparedQuery } from "@/lib/db/prepared";
import { OUTBOX_CHANNEL } from "./channel";
import type { RRType } from "@/lib/dns/types";

export { OUTBOX_CHANNEL };

export type RRsetWrite = { name: string; type: RRType; ttl: number; records: string[] };
export type ChangedRRset = { name: string; type: RRType; version: bigint };

// One statement: upsert only rrsets whose ttl or records differ (an empty records array deletes;
// deleting an absent rrset is a no-op), one outbox row per changed rrset, and a NOTIFY unless the
// zone's newest outbox row is still due (an O(1) look at the primary key). Only then: a transaction
// that NOTIFYs holds a global lock through its commit, which serialises such commits (measured
// here: 1 068 → 267 updates/s with 8 writers). While a row is due, a dispatcher is awake or about
// to be: it claims again after every batch, lingers briefly before sleeping and polls as a
// backstop (dispatcher.ts).
const WRITE_SQL = `
WITH input AS (
  SELECT i.name, i.type, i.ttl, ARRAY(SELECT jsonb_array_elements_text(i.records)) AS records, e."records" AS old,
         i.zone_id, i.host_id, i.zone, i.ord
  FROM unnest($1::text[], $2::"RRType"[], $3::int[], $4::jsonb[], $5::uuid[], $6::uuid[], $7::text[]) WITH ORDINALITY
         AS i(name, type, ttl, records, zone_id, host_id, zone, ord)
  LEFT JOIN "RRset" e ON e."name" = i.name AND e."type" = i.type
), up AS (
  INSERT INTO "RRset" AS r ("zoneId", "hostId", "name", "type", "ttl", "records", "updatedAt")
  SELECT i.zone_id, i.host_id, i.name, i.type, i.ttl, i.records, now() FROM input i
  WHERE cardinality(i.records) > 0 OR cardinality(i.old) > 0
  ON CONFLICT ("name", "type") DO UPDATE
    SET "ttl" = EXCLUDED."ttl", "records" = EXCLUDED."records", "hostId" = EXCLUDED."hostId",
        "zoneId" = EXCLUDED."zoneId", "version" = r."version" + 1, "updatedAt" = now()
  WHERE coalesce(r."records", '{}') <> EXCLUDED."records"
     OR (r."ttl" <> EXCLUDED."ttl" AND cardinality(EXCLUDED."records") > 0)
  RETURNING r."name", r."type", r."version"
), changed AS (
  SELECT i.zone, i.ord, up."name", up."type", up."version" FROM up JOIN input i ON i.name = up."name" AND i.type = up."type"
), outbox AS (
  INSERT INTO "DnsOutbox" ("zone", "name", "type", "version")
  SELECT zone, "name", "type", "version" FROM changed ORDER BY zone, "name", "type"
), notified AS (
  SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM (SELECT 1 FROM changed LIMIT 1) AS any_change
  WHERE EXISTS (
    SELECT 1 FROM (SELECT DISTINCT zone FROM changed) AS z
    WHERE NOT EXISTS (
      SELECT 1 FROM (SELECT "status", "nextAttemptAt" FROM "DnsOutbox" WHERE "zone" = z.zone ORDER BY "id" DESC LIMIT 1) AS newest
      WHERE newest."status" = 'PENDING' AND newest."nextAttemptAt" <= now()
    )
  )
)
SELECT "name", "type"::text AS "type", "version" FROM changed, (SELECT count(*) FROM notified) AS n ORDER BY ord`;

const normalise = (records: string[]) => [...new Set(records)].sort();

export type HostRRsetsWrite = { zoneId: string; zoneName: string; hostId: string | null; rrsets: RRsetWrite[] };

/**
 * writeRRsets — MUST run inside the transaction of the user action that causes it (it is one
 * statement, so when nothing else must commit with it the client itself will do: one round trip).
 * `records` MUST already be canonical (lib/dns/rdata.ts); they are de-duplicated and sorted here.
 * Unchanged rrsets are skipped (no version bump, no outbox row); an empty `records` deletes.
 */
export async function writeRRsets(tx: Tx | Db, args: HostRRsetsWrite): Promise<{ changed: ChangedRRset[] }> {
  return writeManyRRsets(tx, [args]);
}

/**
 * writeManyRRsets — writeRRsets for many hosts (and zones) in ONE statement: a bulk change of
 * 10 000 hosts is one round trip, not 10 000. Same rules; when the same name and type appear more
 * than once, the last one wins.
 */
export async function writeManyRRsets(tx: Tx | Db, writes: HostRRsetsWrite[]): Promise<{ changed: ChangedRRset[] }> {
  const last = new Map<string, { w: HostRRsetsWrite; r: RRsetWrite }>();
  for (const w of writes) for (const r of w.rrsets) last.set(`${r.name}\u0000${r.type}`, { w, r });
  if (last.size === 0) return { changed: [] };
  const input = [...last.values()];
  // Outside a transaction this is a prepared statement (lib/db/prepared.ts): the update path's
  // one-host changes skip PostgreSQL's parse and plan.
  const rows = await preparedQuery<{ name: string; type: RRType; version: bigint | string }>(tx, "dynhost_write_rrsets", WRITE_SQL, [
    input.map(({ r }) => r.name),
    input.map(({ r }) => r.type),
    input.map(({ r }) => r.ttl),
    input.map(({ r }) => JSON.stringify(normalise(r.records))),
    input.map(({ w }) => w.zoneId),
    input.map(({ w }) => w.hostId),
    input.map(({ w }) => w.zoneName),
  ]);
  return { changed: rows.map((r) => ({ name: r.name, type: r.type, version: BigInt(r.version) })) };
}

// Bump every rrset of the host and enqueue them, plus A/AAAA at its FQDN (a sinkhole may need to
// appear or disappear there even when the owner has no such rrset).
const REPUBLISH_SQL = `
WITH h AS (
  SELECT h."id", h."fqdn", z."name" AS zone FROM "Host" h JOIN "Zone" z ON z."id" = h."zoneId" WHERE h."id" = $1::uuid
), up AS (
  UPDATE "RRset" r SET "version" = r."version" + 1, "updatedAt" = now()
  WHERE r."hostId" = $1::uuid RETURNING r."name", r."type", r."version"
), keys AS (
  SELECT "name", "type", "version" FROM up
  UNION ALL
  SELECT h."fqdn", t.type, 0 FROM h, (VALUES ('A'::"RRType"), ('AAAA'::"RRType")) AS t(type)
  WHERE NOT EXISTS (SELECT 1 FROM up WHERE up."name" = h."fqdn" AND up."type" = t.type)
), outbox AS (
  INSERT INTO "DnsOutbox" ("zone", "name", "type", "version")
  SELECT h.zone, keys."name", keys."type", keys."version" FROM keys, h
  RETURNING 1
)
SELECT (SELECT count(*) FROM outbox)::int AS queued, (SELECT count(*) FROM (SELECT pg_notify('${OUTBOX_CHANNEL}', '')) AS n)::int AS n`;

/** republishHost — re-enqueues every rrset of a host; call it in the transaction that changes Host.status. */
export async function republishHost(tx: Tx, hostId: string): Promise<{ queued: number }> {
  const [row] = await tx.$queryRawUnsafe<{ queued: number }[]>(REPUBLISH_SQL, hostId);
  return { queued: row?.queued ?? 0 };
}
