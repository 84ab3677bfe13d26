// THE writer of NotificationQueue: what a user is owed a notification about, queued in the
// transaction (or statement) that causes it and turned into mails and webhook deliveries by the
// worker (notify-queued.ts). Two doors, one table: enqueueNotification for one row inside a
// service's transaction, owedUpdateNotificationsSql for the update path's batch statement.
import type { Db, Tx } from "@/lib/db";
import { wantsMailSql } from "./preferences";

/** The kinds the worker knows how to deliver, with their payloads. */
export type QueuedNotification =
  | { kind: "blocked"; payload: { credential: string; until: string; reason: string } }
  | {
      kind: "host_status";
      payload: {
        hostId: string; fqdn: string; from: string; to: string; reason: string | null;
        /** The mail preference deciding the mail; null: webhook only. */
        mailEvent: "abuse_action" | "billing" | "expiry_warning" | null;
        subject?: string; text?: string;
      };
    };

/** Queues one notification; MUST run inside the transaction of the change it reports. */
export async function enqueueNotification(tx: Tx | Db, args: { userId: string } & QueuedNotification): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "NotificationQueue" ("userId", "kind", "payload") VALUES ($1::uuid, $2, $3::jsonb)`,
    args.userId,
    args.kind,
    JSON.stringify(args.payload),
  );
}

/** Results that tell the owner their client's update was refused (our own failures, 911, are not theirs). */
export const FAILED_UPDATE_RESULTS = ["abuse", "nohost", "!donator", "notfqdn", "badagent", "dnserr"];

const payloadSql = (e: string) => `jsonb_build_object('hostId', ${e}."hostId", 'fqdn', ${e}."fqdn", 'result', ${e}."result", 'reason', ${e}."reason",
                        'sourceIp', ${e}."sourceIp", 'changes', ${e}."changes", 'at', ${e}."createdAt") AS payload`;

/**
 * The INSERT that queues what a batch of UpdateEvents owes (the CTE named `e` with the events'
 * columns): "ip_changed" for good updates that changed an address, "update_failed" once per user,
 * host and result for refused ones — only for users who want them (a mail preference, or a
 * webhook subscribed to host.ip_changed), so most updates queue nothing.
 */
export function owedUpdateNotificationsSql(e: string): string {
  return `INSERT INTO "NotificationQueue" ("userId", "kind", "payload")
  SELECT n."userId", n.kind, n.payload FROM (
    SELECT ${e}."userId", 'ip_changed' AS kind, ${e}."createdAt", ${payloadSql(e)}
      FROM ${e}
     WHERE ${e}."userId" IS NOT NULL AND ${e}."hostId" IS NOT NULL AND ${e}."result" = 'good'
       AND jsonb_array_length(coalesce(${e}."changes", '[]'::jsonb)) > 0
       AND (${wantsMailSql("ip_changed", `${e}."userId"`)}
            OR EXISTS (SELECT 1 FROM "Webhook" w WHERE w."userId" = ${e}."userId" AND w."active" AND 'host.ip_changed' = ANY(w."events")))
    UNION ALL
    -- A client hammering a refused host owes one row per batch, not one per request.
    SELECT DISTINCT ON (${e}."userId", ${e}."hostId", ${e}."result") ${e}."userId", 'update_failed', ${e}."createdAt", ${payloadSql(e)}
      FROM ${e}
     WHERE ${e}."userId" IS NOT NULL AND ${e}."hostId" IS NOT NULL
       AND ${e}."result" = ANY(ARRAY[${FAILED_UPDATE_RESULTS.map((r) => `'${r}'`).join(", ")}]) AND ${wantsMailSql("update_failed", `${e}."userId"`)}
  ) AS n
  ORDER BY n."createdAt"
  RETURNING 1`;
}
