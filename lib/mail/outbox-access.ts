// Who may read the dev outbox (/dev/mail). It holds live sign-in links, so outside development it
// is open only when DEV_MAIL_OUTBOX is set explicitly; otherwise (production without SMTP_URL)
// only ADMIN staff may read it, and with SMTP configured it does not exist.
import { devMailOutboxEnabled, env } from "@/lib/env";

export type OutboxAccess = "open" | "admin" | "off";

/** The access rule for this process's configuration. */
export function outboxAccess(): OutboxAccess {
  if (!devMailOutboxEnabled()) return "off";
  const e = env();
  if (e.NODE_ENV !== "production" || e.DEV_MAIL_OUTBOX === true) return "open";
  return "admin";
}
