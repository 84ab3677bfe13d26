// enqueueWebhookEvent — queues one delivery per active webhook of the user subscribed to the event.
// One INSERT … SELECT; call it inside the transaction of the change it reports, so an event is
// queued exactly when the change commits. The worker sends it (deliver-webhooks.ts).
import type { Db, Tx } from "@/lib/db";
import type { WebhookEvent } from "./events";

const ENQUEUE_SQL = `
INSERT INTO "WebhookDelivery" ("webhookId", "event", "payload", "nextAttemptAt", "createdAt")
SELECT w."id", $2, $3::jsonb, $4, $4 FROM "Webhook" w
WHERE w."userId" = $1::uuid AND w."active" AND $2 = ANY(w."events")`;

/** Returns how many deliveries were queued (0 when the user has no matching webhook). */
export async function enqueueWebhookEvent(
  client: Db | Tx,
  args: { userId: string; event: WebhookEvent; data: Record<string, unknown>; now?: Date },
): Promise<number> {
  return client.$executeRawUnsafe(ENQUEUE_SQL, args.userId, args.event, JSON.stringify(args.data), args.now ?? new Date());
}
