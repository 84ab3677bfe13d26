// The notification catalogue. Client-safe: the dashboard's preference form renders from it.

/** Events a user can have mailed to them, with the default for users who never chose. */
export const EMAIL_EVENTS = {
  ip_changed: { label: "A host's address changed", default: false },
  update_failed: { label: "An update was refused or failed", default: false },
  blocked: { label: "An update client was blocked (too many unchanged updates)", default: true },
  expiry_warning: { label: "A free host is about to expire or has expired", default: true },
  abuse_action: { label: "Staff acted on one of your hosts", default: true },
  billing: { label: "Invoices, payments and plan changes", default: true },
} as const;
export type EmailEvent = keyof typeof EMAIL_EVENTS;
export const EMAIL_EVENT_NAMES = Object.keys(EMAIL_EVENTS) as EmailEvent[];

/** Events a webhook can subscribe to. */
export const WEBHOOK_EVENTS = ["host.ip_changed", "host.status_changed"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export function isEmailEvent(s: string): s is EmailEvent {
  return Object.hasOwn(EMAIL_EVENTS, s);
}

export function isWebhookEvent(s: string): s is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(s);
}
