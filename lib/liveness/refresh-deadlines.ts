// Moves the deadline (Host.expiresAt) of liveness-bound ACTIVE hosts forward to the latest
// authenticated activity + LIVENESS_DAYS. Only hosts within a week (plus a day) of their deadline,
// or without one, are examined, so an active host is looked at about once per cycle. Activity is
// read where it is already recorded: the host's lastSeenAt/lastUpdateAt, good/nochg update events,
// the owner's sign-ins, dashboard sessions and API token use.
import type { Db } from "@/lib/db";
import { COUNTS_AS_ACTIVITY, LIVENESS_DAYS, REMINDER_DAYS, SUBJECT_TO_LIVENESS } from "./policy";

const WINDOW_DAYS = Math.max(...REMINDER_DAYS) + 1;
const CAP = `($1::timestamptz + interval '${LIVENESS_DAYS} days')`;

// One batch of candidates in id order after $3; returns the last id examined and how many moved.
const REFRESH_SQL = `
WITH cand AS (
  SELECT h."id", h."ownerId", h."createdAt", h."lastSeenAt", h."lastUpdateAt", u."lastSeenAt" AS "userSeenAt"
  FROM "Host" h JOIN "User" u ON u."id" = h."ownerId" JOIN "Plan" p ON p."id" = u."planId"
  WHERE h."status" = 'ACTIVE' AND ${SUBJECT_TO_LIVENESS} AND h."id" > $3::uuid
    AND (h."expiresAt" IS NULL OR h."expiresAt" <= $1::timestamptz + interval '${WINDOW_DAYS} days')
  ORDER BY h."id" LIMIT $2
), act AS (
  SELECT c."id", least(greatest(
    c."createdAt", c."lastSeenAt", c."lastUpdateAt", c."userSeenAt",
    (SELECT max(s."lastSeenAt") FROM "Session" s WHERE s."userId" = c."ownerId"),
    (SELECT max(t."lastUsedAt") FROM "ApiToken" t WHERE t."userId" = c."ownerId"),
    (SELECT max(e."createdAt") FROM "UpdateEvent" e WHERE e."hostId" = c."id" AND ${COUNTS_AS_ACTIVITY})
  ) + interval '${LIVENESS_DAYS} days', ${CAP}) AS deadline
  FROM cand c
), moved AS (
  UPDATE "Host" h SET "expiresAt" = act.deadline FROM act
  WHERE h."id" = act."id" AND h."status" = 'ACTIVE' AND (h."expiresAt" IS NULL OR act.deadline > h."expiresAt")
  RETURNING 1
)
SELECT (SELECT "id"::text FROM cand ORDER BY "id" DESC LIMIT 1) AS "last",
       (SELECT count(*) FROM cand)::int AS "examined", (SELECT count(*) FROM moved)::int AS "moved"`;

const MIN_UUID = "00000000-0000-0000-0000-000000000000";

/** Returns how many deadlines moved; works through every candidate in batches of `batchSize` (default 2 000). */
export async function refreshLivenessDeadlines(client: Db, args: { now: Date; batchSize?: number }): Promise<number> {
  const batch = args.batchSize ?? 2000;
  let after = MIN_UUID;
  let moved = 0;
  for (;;) {
    const [r] = await client.$queryRawUnsafe<{ last: string | null; examined: number; moved: number }[]>(REFRESH_SQL, args.now, batch, after);
    moved += r?.moved ?? 0;
    if (!r?.last || r.examined < batch) return moved;
    after = r.last;
  }
}
