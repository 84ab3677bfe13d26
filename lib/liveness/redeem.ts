// confirmLivenessLink / redeemHost — bringing hosts back: the emailed link keeps every host of the
// account alive and restores those still in their redemption period; the dashboard's button
// restores one. A restored host is ACTIVE with a fresh deadline and is republished through the outbox.
import { writeAudit } from "@/lib/audit/write-audit";
import { consumeAuthToken } from "@/lib/auth/tokens";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getHostOrThrow } from "@/lib/hosts/get-host-or-throw";
import { republishHost } from "@/lib/dns/outbox/write-rrsets";
import { enqueueWebhookEvent } from "@/lib/notifications/enqueue-webhook-event";
import { addDays, LIVENESS_DAYS, REDEMPTION_DAYS } from "./policy";
import { recordLiveness } from "./record-liveness";

/** The user acts on their own account; `ip` is where from (for the audit log). */
type From = { ip?: string | null };

async function restore(tx: Tx, h: { id: string; fqdn: string; ownerId: string }, now: Date, ip: string | null) {
  await tx.host.update({ where: { id: h.id }, data: { status: "ACTIVE", statusReason: null, expiresAt: addDays(now, LIVENESS_DAYS), lastSeenAt: now } });
  await republishHost(tx, h.id);
  await writeAudit(tx, { actorId: h.ownerId, ip, action: "host.redeem", targetType: "Host", targetId: h.id, before: { status: "EXPIRED" }, after: { status: "ACTIVE" } });
  await enqueueWebhookEvent(tx, { userId: h.ownerId, event: "host.status_changed", now, data: { hostId: h.id, fqdn: h.fqdn, from: "EXPIRED", to: "ACTIVE", reason: "redeemed" } });
}

const redeemable = (ownerId: string, now: Date) => ({ ownerId, status: "EXPIRED" as const, expiresAt: { gt: addDays(now, -REDEMPTION_DAYS) } });

/** Uses a liveness link: NOT_FOUND for unknown, used or expired tokens (field "token"). */
export async function confirmLivenessLink(
  client: Db,
  args: { token: string; now?: Date } & From,
): Promise<{ userId: string; kept: number; restored: string[] }> {
  const now = args.now ?? new Date();
  return client.$transaction(async (tx) => {
    const { userId } = await consumeAuthToken(tx, { token: args.token, kind: "LIVENESS", now });
    const kept = await recordLiveness(tx, { userId, now });
    const expired = await tx.host.findMany({ where: redeemable(userId, now), select: { id: true, fqdn: true, ownerId: true }, orderBy: { fqdn: "asc" } });
    for (const h of expired) await restore(tx, h, now, args.ip ?? null);
    return { userId, kept, restored: expired.map((h) => h.fqdn) };
  });
}

/** Restores one EXPIRED host of the user; NOT_FOUND for other users' hosts, CONFLICT when not redeemable. */
export async function redeemHost(client: Db, args: { userId: string; hostId: string; now?: Date } & From): Promise<void> {
  const now = args.now ?? new Date();
  const { id } = await getHostOrThrow({ id: args.hostId, userId: args.userId, client });
  await client.$transaction(async (tx) => {
    const h = await tx.host.findFirst({ where: { id, ...redeemable(args.userId, now) }, select: { id: true, fqdn: true, ownerId: true } });
    if (!h) throw new AppError("CONFLICT", "Only expired hosts within their redemption period can be brought back.");
    await restore(tx, h, now, args.ip ?? null);
  });
}
