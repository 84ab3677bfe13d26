// Notification inputs: mail preferences (one checkbox per event, "email:ip_changed" = "on"; an
// unticked box means no mail) and webhooks (URL + one checkbox per event). The services re-check
// the URL (public addresses only) and the plan. Client-safe.
import { z } from "zod";
import { EMAIL_EVENT_NAMES, WEBHOOK_EVENTS, type EmailEvent } from "@/lib/notifications/events";
import { idField } from "./hosts";
import { tickedBoxes } from "./keys";

const box = z.literal("on").optional();

/** Save the mail preferences: every event gets the box's state. */
export const preferencesSchema = z
  .object(Object.fromEntries(EMAIL_EVENT_NAMES.map((e) => [`email:${e}`, box])) as Record<`email:${EmailEvent}`, typeof box>)
  .transform((v) => Object.fromEntries(EMAIL_EVENT_NAMES.map((e) => [e, v[`email:${e}`] === "on"])) as Record<EmailEvent, boolean>);

/** Add a webhook: its URL and events (one checkbox each, "event:host.ip_changed" = "on"). */
export const createWebhookSchema = z.preprocess(
  tickedBoxes("event:", WEBHOOK_EVENTS, "events"),
  z.object({
    url: z
      .string({ error: "Enter the URL that receives the events." })
      .trim()
      .min(1, "Enter the URL that receives the events.")
      .max(2000, "Webhook URLs are at most 2 000 characters.")
      .refine((u) => /^https?:\/\/[^\s/]+/i.test(u), "Enter a full URL, like https://example.com/hooks/dynhost."),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, "Choose at least one event."),
  }),
);

/** Delete or ping one of the caller's webhooks. */
export const webhookIdSchema = z.object({ webhookId: idField("Which webhook?") });
