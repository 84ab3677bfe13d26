// Ready-made notifications for host events, so every feature reports them the same way:
// the update protocols call notifyIpChanged, status changes (liveness, abuse, billing holds)
// call notifyHostStatusChanged.
import type { Db } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import type { EmailEvent } from "./events";
import { notifyUser } from "./notify-user";

/** A host's published address changed (mail "ip_changed", webhook "host.ip_changed"). */
export async function notifyIpChanged(
  client: Db,
  args: { userId: string; hostId: string; fqdn: string; type: "A" | "AAAA"; before: string[]; after: string[]; sourceIp?: string; now?: Date },
) {
  const was = args.before.join(", ") || "(none)";
  const now = args.after.join(", ") || "(none)";
  return notifyUser(client, {
    userId: args.userId,
    now: args.now,
    email: {
      event: "ip_changed",
      subject: `${args.fqdn} now points to ${now}`,
      text: `The ${args.type} records of ${args.fqdn} changed from ${was} to ${now}${args.sourceIp ? ` (update from ${args.sourceIp})` : ""}.\n\nHost: ${publicUrl()}/hosts/${args.hostId}\nChoose which mails you get: ${publicUrl()}/account/notifications\n`,
    },
    webhook: { event: "host.ip_changed", data: { hostId: args.hostId, fqdn: args.fqdn, type: args.type, before: args.before, after: args.after } },
  });
}

/**
 * A host's status changed. `mailEvent` picks the preference for the mail (expiry_warning for
 * liveness, abuse_action for staff actions, billing for billing holds); no mail when omitted.
 */
export async function notifyHostStatusChanged(
  client: Db,
  args: {
    userId: string; hostId: string; fqdn: string; from: string; to: string; reason?: string | null;
    mailEvent?: EmailEvent; subject?: string; text?: string; now?: Date;
  },
) {
  const text =
    args.text ??
    `The status of ${args.fqdn} changed from ${args.from} to ${args.to}.${args.reason ? `\n\nReason: ${args.reason}` : ""}\n\nHost: ${publicUrl()}/hosts/${args.hostId}\n`;
  return notifyUser(client, {
    userId: args.userId,
    now: args.now,
    email: args.mailEvent ? { event: args.mailEvent, subject: args.subject ?? `${args.fqdn} is now ${args.to.toLowerCase()}`, text } : undefined,
    webhook: { event: "host.status_changed", data: { hostId: args.hostId, fqdn: args.fqdn, from: args.from, to: args.to, reason: args.reason ?? null } },
  });
}
