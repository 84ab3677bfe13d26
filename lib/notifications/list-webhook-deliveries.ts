// listWebhookDeliveries — the delivery log of one of the user's webhooks, newest first.
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeCursor, encodeCursor, invalidCursor } from "@/lib/pagination/cursor";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One page (`limit` 1–100, default 25); NOT_FOUND for other users' webhooks. */
export async function listWebhookDeliveries(client: Db, args: { userId: string; webhookId: string; cursor?: string | null; limit?: number }) {
  if (!UUID.test(args.webhookId)) throw new AppError("NOT_FOUND", "No such webhook.");
  const hook = await client.webhook.findFirst({ where: { id: args.webhookId, userId: args.userId }, select: { id: true } });
  if (!hook) throw new AppError("NOT_FOUND", "No such webhook.");
  const limit = Math.min(Math.max(args.limit ?? 25, 1), 100);
  let before: bigint | undefined;
  if (args.cursor) {
    const [id] = decodeCursor(args.cursor, ["string"] as const);
    if (!/^\d{1,19}$/.test(id)) throw invalidCursor();
    before = BigInt(id);
  }
  const rows = await client.webhookDelivery.findMany({
    where: { webhookId: hook.id, ...(before !== undefined ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: { id: true, event: true, status: true, attempts: true, responseStatus: true, lastError: true, durationMs: true, nextAttemptAt: true, deliveredAt: true, createdAt: true },
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({ ...r, id: r.id.toString() })),
    nextCursor: rows.length > limit ? encodeCursor([page.at(-1)!.id.toString()]) : null,
  };
}
