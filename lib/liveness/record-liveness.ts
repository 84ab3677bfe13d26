// recordLiveness — an explicit "this account is alive" signal (a dashboard visit, the emailed
// link): the deadline of the user's liveness-bound ACTIVE hosts moves to now + LIVENESS_DAYS.
// Updates, sign-ins, sessions and API use are picked up by the job without any call.
import type { Db, Tx } from "@/lib/db";
import { LIVENESS_DAYS, SUBJECT_TO_LIVENESS } from "./policy";

const TOUCH_SQL = `
UPDATE "Host" h SET "lastSeenAt" = $2::timestamptz,
  "expiresAt" = CASE WHEN ${SUBJECT_TO_LIVENESS} THEN greatest(h."expiresAt", $2::timestamptz + interval '${LIVENESS_DAYS} days') ELSE h."expiresAt" END
FROM "User" u JOIN "Plan" p ON p."id" = u."planId"
WHERE u."id" = h."ownerId" AND h."ownerId" = $1::uuid AND h."status" = 'ACTIVE'
  AND ($3::uuid[] IS NULL OR h."id" = ANY($3::uuid[]))`;

/** Returns how many hosts were touched; `hostIds` limits it to some of the user's hosts. */
export async function recordLiveness(client: Db | Tx, args: { userId: string; hostIds?: string[]; now?: Date }): Promise<number> {
  return client.$executeRawUnsafe(TOUCH_SQL, args.userId, args.now ?? new Date(), args.hostIds ?? null);
}
