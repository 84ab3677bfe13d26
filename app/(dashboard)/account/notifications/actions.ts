"use server";
// Notification actions: mail preferences and webhooks. The caller is re-checked (userAction) and
// every service is scoped to the caller's own rows.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { userAction } from "@/lib/auth/action";
import { setNotificationPreferences } from "@/lib/notifications/preferences";
import { createWebhook, deleteWebhook, pingWebhook } from "@/lib/notifications/webhooks";
import type { KeyCreatedState } from "@/lib/validation/keys";
import { createWebhookSchema, preferencesSchema, webhookIdSchema } from "@/lib/validation/notifications";

const PAGE = "/account/notifications";

// POST /account/notifications — save which events are mailed
export const savePreferencesAction = userAction(preferencesSchema, async (email, ctx) => {
  await setNotificationPreferences(db(), { userId: ctx.user.id, email });
  revalidatePath(PAGE);
  return { ok: true, message: "Saved." };
});

// POST /account/notifications — add a webhook; its signing secret is answered once
export const createWebhookAction = userAction(createWebhookSchema, async ({ url, events }, ctx): Promise<KeyCreatedState> => {
  const hook = await createWebhook(db(), { userId: ctx.user.id, url, events, ip: ctx.ip });
  revalidatePath(PAGE);
  return { ok: true, message: "Webhook added.", secret: hook.secret };
});

// POST /account/notifications — queue a test event to one webhook
export const pingWebhookAction = userAction(webhookIdSchema, async ({ webhookId }, ctx) => {
  await pingWebhook(db(), { userId: ctx.user.id, webhookId });
  revalidatePath(PAGE);
  return { ok: true, message: "Test event queued." };
});

// POST /account/notifications — delete one webhook and its log
export const deleteWebhookAction = userAction(webhookIdSchema, async ({ webhookId }, ctx) => {
  await deleteWebhook(db(), { userId: ctx.user.id, webhookId, ip: ctx.ip });
  revalidatePath(PAGE);
  return { ok: true, message: "Webhook deleted." };
});
