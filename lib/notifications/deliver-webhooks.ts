// deliverDueWebhooks — the worker's webhook sender. Claims due deliveries with a lease (so several
// workers never send one twice at once and a crashed worker's claims come back), POSTs each signed
// body, and records the outcome: DELIVERED on 2xx, otherwise retried with exponential backoff
// (30 s, 1 min, 2 min … capped at 6 h) until MAX_ATTEMPTS, then FAILED.
import type { Db } from "@/lib/db";
import { postJson } from "./post-json";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from "./sign";

export const MAX_ATTEMPTS = 10;
export const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 6 * 3600_000;
const LEASE_MS = 120_000;

/** The wait before the next attempt after `attempts` failed ones. */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(attempts - 1, 0), BACKOFF_CAP_MS);
}

type Claimed = { id: bigint; event: string; payload: unknown; attempts: number; createdAt: Date; url: string; secret: string };

const CLAIM_SQL = `
UPDATE "WebhookDelivery" d SET "nextAttemptAt" = $2::timestamptz + interval '${LEASE_MS} milliseconds'
FROM "Webhook" w
WHERE w."id" = d."webhookId" AND d."id" IN (
  SELECT "id" FROM "WebhookDelivery" WHERE "status" = 'PENDING' AND "nextAttemptAt" <= $2
  ORDER BY "nextAttemptAt", "id" LIMIT $1 FOR UPDATE SKIP LOCKED
)
RETURNING d."id", d."event", d."payload", d."attempts", d."createdAt", w."url", w."secret"`;

export type DeliverResult = { delivered: number; retrying: number; failed: number };

/** Sends up to `limit` due deliveries (default 50), `concurrency` at a time (default 8). */
export async function deliverDueWebhooks(client: Db, args: { now?: Date; limit?: number; concurrency?: number } = {}): Promise<DeliverResult> {
  const now = args.now ?? new Date();
  const claimed = await client.$queryRawUnsafe<Claimed[]>(CLAIM_SQL, args.limit ?? 50, now);
  const result: DeliverResult = { delivered: 0, retrying: 0, failed: 0 };
  const queue = [...claimed];
  const workers = Array.from({ length: Math.min(args.concurrency ?? 8, queue.length) }, async () => {
    for (let d = queue.shift(); d; d = queue.shift()) result[await deliverOne(client, d, now)] += 1;
  });
  await Promise.all(workers);
  return result;
}

async function deliverOne(client: Db, d: Claimed, now: Date): Promise<keyof DeliverResult> {
  const id = d.id.toString();
  const body = JSON.stringify({ id, event: d.event, createdAt: d.createdAt.toISOString(), data: d.payload });
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await postJson(d.url, body, {
    [EVENT_HEADER]: d.event,
    [DELIVERY_HEADER]: id,
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signWebhook(d.secret, timestamp, body),
  });
  const attempts = d.attempts + 1;
  const ok = res.status !== null && res.status >= 200 && res.status < 300;
  const status = ok ? "DELIVERED" : attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING";
  await client.webhookDelivery.update({
    where: { id: d.id },
    data: {
      status,
      attempts,
      responseStatus: res.status,
      lastError: ok ? null : (res.error ?? `HTTP ${res.status}`).slice(0, 500),
      durationMs: res.durationMs,
      deliveredAt: ok ? new Date() : null,
      nextAttemptAt: status === "PENDING" ? new Date(now.getTime() + backoffMs(attempts)) : now,
    },
  });
  return ok ? "delivered" : status === "FAILED" ? "failed" : "retrying";
}
