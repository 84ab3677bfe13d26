// Liveness reminders: one mail per host per threshold (7 days, 1 day) per deadline. The reminder
// row is claimed with INSERT … ON CONFLICT DO NOTHING before the mail is sent, so concurrent or
// repeated runs never mail twice. A host found already inside the 1-day window gets only that one.
import type { Db } from "@/lib/db";
import { issueAuthToken } from "@/lib/auth/tokens";
import { sendMail } from "@/lib/mail/send-mail";
import { wantsEmail } from "@/lib/notifications/preferences";
import { reminderMail } from "./mails";
import { REMINDER_DAYS, SUBJECT_TO_LIVENESS } from "./policy";

const CLAIM_SQL = `
WITH due AS (
  SELECT h."id", h."expiresAt", d.days
  FROM "Host" h JOIN "User" u ON u."id" = h."ownerId" JOIN "Plan" p ON p."id" = u."planId",
       unnest($3::int[]) AS d(days)
  WHERE h."status" = 'ACTIVE' AND ${SUBJECT_TO_LIVENESS}
    AND h."expiresAt" > $1::timestamptz AND h."expiresAt" <= $1::timestamptz + d.days * interval '1 day'
    AND NOT EXISTS (SELECT 1 FROM "LivenessReminder" r WHERE r."hostId" = h."id" AND r."daysBefore" = d.days AND r."expiresAt" = h."expiresAt")
  ORDER BY h."expiresAt", h."id" LIMIT $2
)
INSERT INTO "LivenessReminder" ("hostId", "daysBefore", "expiresAt", "sentAt")
SELECT "id", days, "expiresAt", $1 FROM due
ON CONFLICT DO NOTHING
RETURNING "hostId"::text AS "hostId", "daysBefore", "expiresAt"`;

type Claimed = { hostId: string; daysBefore: number; expiresAt: Date };

/** Sends the due reminders; returns how many mails were recorded. */
export async function sendLivenessReminders(client: Db, args: { now: Date; batchSize?: number }): Promise<number> {
  const batch = args.batchSize ?? 500;
  let mailed = 0;
  for (;;) {
    const claimed = await client.$queryRawUnsafe<Claimed[]>(CLAIM_SQL, args.now, batch, [...REMINDER_DAYS]);
    const soonest = new Map<string, Claimed>();
    for (const c of claimed) if ((soonest.get(c.hostId)?.daysBefore ?? Infinity) > c.daysBefore) soonest.set(c.hostId, c);
    for (const c of soonest.values()) if (await mailReminder(client, c, args.now)) mailed += 1;
    if (claimed.length < batch) return mailed;
  }
}

async function mailReminder(client: Db, c: Claimed, now: Date): Promise<boolean> {
  const host = await client.host.findUnique({ where: { id: c.hostId }, select: { fqdn: true, ownerId: true, owner: { select: { email: true } } } });
  if (!host || !(await wantsEmail(client, { userId: host.ownerId, event: "expiry_warning" }))) return false;
  const token = await client.$transaction((tx) => issueAuthToken(tx, { userId: host.ownerId, kind: "LIVENESS", now }));
  await sendMail(reminderMail(host.owner.email, { fqdn: host.fqdn, expiresAt: c.expiresAt, daysBefore: c.daysBefore, token }), client);
  return true;
}
