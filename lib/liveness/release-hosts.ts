// Releases hosts that stayed EXPIRED through the whole redemption period: their records are
// deleted through the outbox, the host row goes, and the name enters a quarantine tombstone so it
// cannot be re-registered at once. One transaction per host; safe to run from several workers.
import { writeAudit } from "@/lib/audit/write-audit";
import type { Db } from "@/lib/db";
import { writeRRsets } from "@/lib/dns/outbox/write-rrsets";
import { enqueueWebhookEvent } from "@/lib/notifications/enqueue-webhook-event";
import { addDays, QUARANTINE_DAYS, REDEMPTION_DAYS, SUBJECT_TO_LIVENESS } from "./policy";

const PICK_SQL = `
SELECT h."id"::text AS "id" FROM "Host" h JOIN "User" u ON u."id" = h."ownerId" JOIN "Plan" p ON p."id" = u."planId"
WHERE h."status" = 'EXPIRED' AND ${SUBJECT_TO_LIVENESS} AND h."expiresAt" <= $1::timestamptz - interval '${REDEMPTION_DAYS} days'
ORDER BY h."expiresAt", h."id" LIMIT $2`;

const LOCK_SQL = `
SELECT h."id"::text AS "id", h."fqdn", h."ownerId"::text AS "ownerId", h."zoneId"::text AS "zoneId", z."name" AS "zone"
FROM "Host" h JOIN "Zone" z ON z."id" = h."zoneId"
WHERE h."id" = $1::uuid AND h."status" = 'EXPIRED' AND h."expiresAt" <= $2::timestamptz - interval '${REDEMPTION_DAYS} days'
FOR UPDATE OF h SKIP LOCKED`;

// A quarantine never shortens an existing tombstone (an abuse tombstone may run longer).
const TOMBSTONE_SQL = `
INSERT INTO "Tombstone" ("fqdn", "reason", "until", "createdAt") VALUES ($1, 'liveness_released', $2, $3)
ON CONFLICT ("fqdn") DO UPDATE SET "until" = greatest("Tombstone"."until", EXCLUDED."until"),
  "reason" = CASE WHEN "Tombstone"."until" >= EXCLUDED."until" THEN "Tombstone"."reason" ELSE EXCLUDED."reason" END`;

type Locked = { id: string; fqdn: string; ownerId: string; zoneId: string; zone: string };

/** Releases every host past redemption (`batchSize` per pass, default 100); returns their FQDNs. */
export async function releaseExpiredHosts(client: Db, args: { now: Date; batchSize?: number }): Promise<string[]> {
  const released: string[] = [];
  for (;;) {
    const ids = await client.$queryRawUnsafe<{ id: string }[]>(PICK_SQL, args.now, args.batchSize ?? 100);
    let progressed = false;
    for (const { id } of ids) {
      const fqdn = await releaseOne(client, id, args.now);
      if (fqdn) released.push(fqdn);
      progressed ||= fqdn !== null;
    }
    if (ids.length < (args.batchSize ?? 100) || !progressed) return released;
  }
}

async function releaseOne(client: Db, hostId: string, now: Date): Promise<string | null> {
  return client.$transaction(async (tx) => {
    const [h] = await tx.$queryRawUnsafe<Locked[]>(LOCK_SQL, hostId, now);
    if (!h) return null;
    const rrsets = await tx.rRset.findMany({ where: { hostId: h.id }, select: { name: true, type: true, ttl: true } });
    await writeRRsets(tx, { zoneId: h.zoneId, zoneName: h.zone, hostId: null, rrsets: rrsets.map((r) => ({ ...r, records: [] })) });
    await tx.host.delete({ where: { id: h.id } });
    await tx.$executeRawUnsafe(TOMBSTONE_SQL, h.fqdn, addDays(now, QUARANTINE_DAYS), now);
    await writeAudit(tx, { actorRole: "system", action: "host.release", targetType: "Host", targetId: h.id, before: { fqdn: h.fqdn, status: "EXPIRED" }, after: { reason: "liveness" } });
    await enqueueWebhookEvent(tx, { userId: h.ownerId, event: "host.status_changed", now, data: { hostId: h.id, fqdn: h.fqdn, from: "EXPIRED", to: "RELEASED", reason: "redemption period ended" } });
    return h.fqdn;
  });
}
