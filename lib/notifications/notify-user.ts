// notifyUser — THE entry point for telling a user about something: mails it when they opted in to
// the event, and queues a signed webhook delivery for each subscribed endpoint. Callers on a hot
// path (the update protocols) MUST call it after their commit and not wait for it.
import type { Db, Tx } from "@/lib/db";
import { sendMail } from "@/lib/mail/send-mail";
import { enqueueWebhookEvent } from "./enqueue-webhook-event";
import type { EmailEvent, WebhookEvent } from "./events";
import { wantsEmail } from "./preferences";

export type Notification = {
  userId: string;
  /** The preference that decides the mail; omit for webhook-only events. */
  email?: { event: EmailEvent; subject: string; text: string };
  /** The webhook event and its JSON data; omit for mail-only events. */
  webhook?: { event: WebhookEvent; data: Record<string, unknown> };
  now?: Date;
};

/** Returns whether a mail was recorded and how many webhook deliveries were queued. Never throws for mail delivery. */
export async function notifyUser(client: Db | Tx, n: Notification): Promise<{ mailed: boolean; webhooks: number }> {
  let mailed = false;
  if (n.email && (await wantsEmail(client, { userId: n.userId, event: n.email.event }))) {
    const user = await client.user.findUnique({ where: { id: n.userId }, select: { email: true } });
    if (user) {
      await sendMail({ to: user.email, subject: n.email.subject, text: n.email.text }, client);
      mailed = true;
    }
  }
  const webhooks = n.webhook ? await enqueueWebhookEvent(client, { userId: n.userId, ...n.webhook, now: n.now }) : 0;
  return { mailed, webhooks };
}
