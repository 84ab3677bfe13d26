// Expires liveness-bound ACTIVE hosts whose deadline passed: status EXPIRED in one transaction per
// batch with republishHost (the outbox takes them out of DNS), an audit row and a queued
// "host.status_changed" webhook each; then the owner is mailed a link to bring them back.
import { writeAudit } from "@/lib/audit/write-audit";
import { issueAuthToken } from "@/lib/auth/tokens";
import type { Db } from "@/lib/db";
import { republishHost } from "@/lib/dns/outbox/write-rrsets";
import { sendMail } from "@/lib/mail/send-mail";
import { enqueueWebhookEvent } from "@/lib/notifications/enqueue-webhook-event";
import { wantsEmail } from "@/lib/notifications/preferences";
import { expiredMail } from "./mails";
import { addDays, EXPIRED_REASON, REDEMPTION_DAYS, SUBJECT_TO_LIVENESS } from "./policy";

const PICK_SQL = `
SELECT h."id"::text AS "id", h."fqdn", h."ownerId"::text AS "ownerId", h."expiresAt"
FROM "Host" h JOIN "User" u ON u."id" = h."ownerId" JOIN "Plan" p ON p."id" = u."planId"
WHERE h."status" = 'ACTIVE' AND ${SUBJECT_TO_LIVENESS} AND h."expiresAt" <= $1::timestamptz
ORDER BY h."expiresAt", h."id" LIMIT $2
FOR UPDATE OF h SKIP LOCKED`;

type Expiring = { id: string; fqdn: string; ownerId: string; expiresAt: Date };

/** Expires every due host (batches of `batchSize`, default 200); returns the FQDNs expired. */
export async function expireLivenessHosts(client: Db, args: { now: Date; batchSize?: number }): Promise<string[]> {
  const batch = args.batchSize ?? 200;
  const expired: Expiring[] = [];
  for (;;) {
    const hosts = await client.$transaction(async (tx) => {
      const picked = await tx.$queryRawUnsafe<Expiring[]>(PICK_SQL, args.now, batch);
      for (const h of picked) {
        await tx.host.update({ where: { id: h.id }, data: { status: "EXPIRED", statusReason: EXPIRED_REASON } });
        await republishHost(tx, h.id);
        await writeAudit(tx, {
          actorRole: "system", action: "host.expire", targetType: "Host", targetId: h.id,
          before: { status: "ACTIVE" }, after: { status: "EXPIRED", reason: "liveness", expiresAt: h.expiresAt.toISOString() },
        });
        await enqueueWebhookEvent(tx, {
          userId: h.ownerId, event: "host.status_changed", now: args.now,
          data: { hostId: h.id, fqdn: h.fqdn, from: "ACTIVE", to: "EXPIRED", reason: EXPIRED_REASON },
        });
      }
      return picked;
    });
    expired.push(...hosts);
    if (hosts.length < batch) break;
  }
  for (const h of expired) await mailExpired(client, h, args.now);
  return expired.map((h) => h.fqdn);
}

async function mailExpired(client: Db, h: Expiring, now: Date): Promise<void> {
  if (!(await wantsEmail(client, { userId: h.ownerId, event: "expiry_warning" }))) return;
  const owner = await client.user.findUnique({ where: { id: h.ownerId }, select: { email: true } });
  if (!owner) return;
  const token = await client.$transaction((tx) => issueAuthToken(tx, { userId: h.ownerId, kind: "LIVENESS", now }));
  await sendMail(expiredMail(owner.email, { fqdn: h.fqdn, releaseAt: addDays(h.expiresAt, REDEMPTION_DAYS), token }), client);
}
