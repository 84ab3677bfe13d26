// THE write path for desired DNS data: every feature (dashboard, REST API, /nic/update, CLI,
// abuse) changes rrsets through writeRRsets, so every change gets a version bump and an outbox
// row in the caller's transaction, and the dispatcher is woken at commit (pg_notify).
import type { Tx } from "@/lib/db";
import { OUTBOX_CHANNEL } from "@/lib/dns/outbox";
import type { RRType } from "@/lib/dns/types";

export { OUTBOX_CHANNEL };

export type RRsetWrite = { name: string; type: RRType; ttl: number; records: string[] };
export type ChangedRRset = { name: string; type: RRType; version: bigint };

// One statement: upsert only rrsets whose ttl or records differ (an empty records array deletes;
// deleting an absent rrset is a no-op), one outbox row per changed rrset, one NOTIFY.
const WRITE_SQL = `
WITH input AS (
  SELECT i.name, i.type::"RRType" AS type, i.ttl, i.records
  FROM jsonb_to_recordset($1::jsonb) AS i(name text, type text, ttl int, records text[])
), up AS (
  INSERT INTO "RRset" AS r ("zoneId", "hostId", "name", "type", "ttl", "records", "updatedAt")
  SELECT $2::uuid, $3::uuid, i.name, i.type, i.ttl, i.records, now() FROM input i
  WHERE cardinality(i.records) > 0
     OR EXISTS (SELECT 1 FROM "RRset" e WHERE e.name = i.name AND e.type = i.type AND cardinality(e.records) > 0)
  ON CONFLICT ("name", "type") DO UPDATE
    SET "ttl" = EXCLUDED."ttl", "records" = EXCLUDED."records", "hostId" = EXCLUDED."hostId",
        "zoneId" = EXCLUDED."zoneId", "version" = r."version" + 1, "updatedAt" = now()
  WHERE coalesce(r."records", '{}') <> EXCLUDED."records"
     OR (r."ttl" <> EXCLUDED."ttl" AND cardinality(EXCLUDED."records") > 0)
  RETURNING r."name", r."type", r."version"
), outbox AS (
  INSERT INTO "DnsOutbox" ("zone", "name", "type", "version")
  SELECT $4, up."name", up."type", up."version" FROM up
), notified AS (
  SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM (SELECT 1 FROM up LIMIT 1) AS any_change
)
SELECT up."name", up."type"::text AS "type", up."version" FROM up, (SELECT count(*) FROM notified) AS n`;

const normalise = (records: string[]) => [...new Set(records)].sort();

/**
 * writeRRsets — MUST run inside the transaction of the user action that causes it. `records` MUST
 * already be canonical (lib/dns/rdata.ts); they are de-duplicated and sorted here. Unchanged
 * rrsets are skipped (no version bump, no outbox row); an empty `records` deletes the rrset.
 */
export async function writeRRsets(
  tx: Tx,
  args: { zoneId: string; zoneName: string; hostId: string | null; rrsets: RRsetWrite[] },
): Promise<{ changed: ChangedRRset[] }> {
  if (args.rrsets.length === 0) return { changed: [] };
  const last = new Map(args.rrsets.map((r) => [`${r.name}\u0000${r.type}`, r]));
  const input = [...last.values()].map((r) => ({ name: r.name, type: r.type, ttl: r.ttl, records: normalise(r.records) }));
  const rows = await tx.$queryRawUnsafe<{ name: string; type: RRType; version: bigint }[]>(
    WRITE_SQL,
    JSON.stringify(input),
    args.zoneId,
    args.hostId,
    args.zoneName,
  );
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
