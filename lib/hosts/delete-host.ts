// Deletes a host: every rrset is deleted through the outbox (so DNS follows), the host row goes,
// and the name is quarantined by a tombstone so it cannot be re-registered at once — for a year
// when the host was under an abuse action, so deleting cannot launder a blocked name. Audited.
import { writeAudit } from "@/lib/audit/write-audit";
import { notifyInvalidation } from "@/lib/cache/invalidation";
import { db as defaultDb, type Db } from "@/lib/db";
import { forgetUpdateKey } from "@/lib/keys/verify-update-key";
import { auditActor, isPrivileged, type Actor } from "@/lib/auth/actor";
import { getHostOrThrow } from "./get-host-or-throw";
import { republishHost, writeRRsets } from "@/lib/dns/outbox/write-rrsets";

export const QUARANTINE_DAYS = 7;
export const ABUSE_QUARANTINE_DAYS = 365;
const UNDER_ABUSE_ACTION = new Set(["SUSPENDED", "SINKHOLED", "FROZEN"]);

// A quarantine never shortens an existing tombstone (an abuse tombstone may run longer).
const TOMBSTONE_SQL = `
INSERT INTO "Tombstone" ("fqdn", "reason", "until") VALUES ($1, $2, $3)
ON CONFLICT ("fqdn") DO UPDATE SET "until" = greatest("Tombstone"."until", EXCLUDED."until"),
  "reason" = CASE WHEN "Tombstone"."until" >= EXCLUDED."until" THEN "Tombstone"."reason" ELSE EXCLUDED."reason" END`;

/** deleteHost — removes the host and its DNS records; returns until when its name is quarantined. */
export async function deleteHost(args: { hostId?: string; fqdn?: string; actor: Actor; client?: Db }): Promise<{ fqdn: string; quarantinedUntil: Date }> {
  const client = args.client ?? defaultDb();
  const found = await getHostOrThrow({ id: args.hostId, fqdn: args.fqdn, userId: isPrivileged(args.actor) ? null : args.actor.userId, client });
  const done = await client.$transaction(async (tx) => {
    const [host] = await tx.$queryRawUnsafe<{ status: string }[]>(`SELECT "status"::text AS "status" FROM "Host" WHERE "id" = $1::uuid FOR UPDATE`, found.id);
    if (!host) throw new Error(`host ${found.id} vanished`);
    const rrsets = await tx.rRset.findMany({ where: { hostId: found.id }, select: { name: true, type: true, ttl: true, records: true } });
    // A sinkhole is not stored as rows: queue its A/AAAA too, so they are withdrawn.
    if (host.status === "SINKHOLED") await republishHost(tx, found.id);
    await writeRRsets(tx, {
      zoneId: found.zone.id,
      zoneName: found.zone.name,
      hostId: null,
      rrsets: rrsets.map((r) => ({ name: r.name, type: r.type, ttl: r.ttl, records: [] })),
    });
    // The host's own keys go with it (FK cascade): every web process forgets them at commit.
    const keys = await tx.updateKey.findMany({ where: { hostId: found.id }, select: { id: true } });
    for (const k of keys) await notifyInvalidation(tx, { k: "key", id: k.id });
    await tx.host.delete({ where: { id: found.id } });
    const abuse = UNDER_ABUSE_ACTION.has(host.status);
    const until = new Date(Date.now() + (abuse ? ABUSE_QUARANTINE_DAYS : QUARANTINE_DAYS) * 86_400_000);
    await tx.$executeRawUnsafe(TOMBSTONE_SQL, found.fqdn, abuse ? `deleted_while_${host.status.toLowerCase()}` : "deleted", until);
    await writeAudit(tx, {
      ...auditActor(args.actor),
      action: "host.delete",
      targetType: "Host",
      targetId: found.id,
      before: { fqdn: found.fqdn, ownerId: found.ownerId, status: host.status, rrsets: rrsets.filter((r) => r.records.length > 0) },
    });
    const [row] = await tx.$queryRawUnsafe<{ until: Date }[]>(`SELECT "until" FROM "Tombstone" WHERE "fqdn" = $1`, found.fqdn);
    return { fqdn: found.fqdn, quarantinedUntil: row!.until, keyIds: keys.map((k) => k.id) };
  });
  for (const id of done.keyIds) forgetUpdateKey(id);
  return { fqdn: done.fqdn, quarantinedUntil: done.quarantinedUntil };
}
