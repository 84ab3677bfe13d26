// createWebhook / listWebhooks / deleteWebhook / pingWebhook — a user's signed webhook endpoints.
import { writeAudit } from "@/lib/audit/write-audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isWebhookEvent, WEBHOOK_EVENTS } from "./events";
import { generateWebhookSecret } from "./sign";
import { checkWebhookUrl } from "./url-safety";

export const MAX_WEBHOOKS_PER_USER = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user acts on their own account; `ip` is where from (for the audit log). */
type From = { ip?: string | null };

/** Adds an endpoint; the signing secret is returned once. Needs the plan feature "webhooks". */
export async function createWebhook(
  client: Db,
  args: { userId: string; url: string; events?: string[] } & From,
): Promise<{ id: string; url: string; events: string[]; secret: string }> {
  const url = checkWebhookUrl(args.url);
  const events = [...new Set(args.events ?? [...WEBHOOK_EVENTS])];
  const unknown = events.filter((e) => !isWebhookEvent(e));
  if (events.length === 0 || unknown.length) {
    throw new AppError("VALIDATION", `Events must be among ${WEBHOOK_EVENTS.join(", ")}.`, { field: "events" });
  }
  return client.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: args.userId }, select: { plan: { select: { features: true } }, _count: { select: { webhooks: true } } } });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    if (!user.plan.features.includes("webhooks")) throw new AppError("PLAN_LIMIT", "Webhooks are not included in your plan.");
    if (user._count.webhooks >= MAX_WEBHOOKS_PER_USER) {
      throw new AppError("PLAN_LIMIT", `You can have at most ${MAX_WEBHOOKS_PER_USER} webhooks.`);
    }
    const secret = generateWebhookSecret();
    const row = await tx.webhook.create({ data: { userId: args.userId, url, secret, events }, select: { id: true } });
    await writeAudit(tx, { actorId: args.userId, ip: args.ip ?? null, action: "webhook.create", targetType: "Webhook", targetId: row.id, after: { url, events } });
    return { id: row.id, url, events, secret };
  });
}

/** The user's webhooks with the state of their latest delivery (never the secret). */
export async function listWebhooks(client: Db, args: { userId: string }) {
  return client.webhook.findMany({
    where: { userId: args.userId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, url: true, events: true, active: true, createdAt: true,
      deliveries: { orderBy: { id: "desc" }, take: 1, select: { status: true, responseStatus: true, createdAt: true } },
    },
  });
}

/** Deletes one of the user's webhooks and its log; NOT_FOUND for other users' ids. */
export async function deleteWebhook(client: Db, args: { userId: string; webhookId: string } & From): Promise<void> {
  if (!UUID.test(args.webhookId)) throw new AppError("NOT_FOUND", "No such webhook.");
  await client.$transaction(async (tx) => {
    const { count } = await tx.webhook.deleteMany({ where: { id: args.webhookId, userId: args.userId } });
    if (count === 0) throw new AppError("NOT_FOUND", "No such webhook.");
    await writeAudit(tx, { actorId: args.userId, ip: args.ip ?? null, action: "webhook.delete", targetType: "Webhook", targetId: args.webhookId });
  });
}

/** Queues a "ping" event to one of the user's webhooks (the dashboard's "send test" button). */
export async function pingWebhook(client: Db, args: { userId: string; webhookId: string }): Promise<{ deliveryId: string }> {
  if (!UUID.test(args.webhookId)) throw new AppError("NOT_FOUND", "No such webhook.");
  const hook = await client.webhook.findFirst({ where: { id: args.webhookId, userId: args.userId }, select: { id: true } });
  if (!hook) throw new AppError("NOT_FOUND", "No such webhook.");
  const row = await client.webhookDelivery.create({ data: { webhookId: hook.id, event: "ping", payload: {} }, select: { id: true } });
  return { deliveryId: row.id.toString() };
}
