// Ready-made notifications for host events, so every feature reports them the same way: the
// update protocols' changes and refusals reach notifyAddressesChanged / notifyUpdateFailed through
// the NotificationQueue (notify-queued.ts); status changes (liveness, abuse, billing holds) call
// notifyHostStatusChanged.
import type { Db, Tx } from "@/lib/db";
import { publicUrl } from "@/lib/env";
import type { AddressChange } from "@/lib/updates/events/types";
import type { EmailEvent } from "./events";
import { notifyUser } from "./notify-user";


/**
 * A host's addresses changed: one mail ("ip_changed") listing every change, and one webhook
 * event "host.ip_changed" per record type.
 */
export async function notifyAddressesChanged(
  client: Db | Tx,
  args: { userId: string; hostId: string; fqdn: string; changes: AddressChange[]; sourceIp?: string; now?: Date },
) {
  const list = (v: string[]) => v.join(", ") || "(none)";
  const lines = args.changes.map((c) => `The ${c.type} records of ${args.fqdn} changed from ${list(c.before)} to ${list(c.after)}.`);
  const now = args.changes.map((c) => list(c.after)).join(" and ");
  const mail = {
    event: "ip_changed" as const,
    subject: `${args.fqdn} now points to ${now}`,
    text: `${lines.join("\n")}${args.sourceIp ? `\n(update from ${args.sourceIp})` : ""}\n\nHost: ${publicUrl()}/hosts/${args.hostId}\nChoose which mails you get: ${publicUrl()}/account/notifications\n`,
  };
  let result = { mailed: false, webhooks: 0 };
  for (const [i, c] of args.changes.entries()) {
    const r = await notifyUser(client, {
      userId: args.userId,
      now: args.now,
      email: i === 0 ? mail : undefined,
      webhook: { event: "host.ip_changed", data: { hostId: args.hostId, fqdn: args.fqdn, type: c.type, before: c.before, after: c.after } },
    });
    result = { mailed: result.mailed || r.mailed, webhooks: result.webhooks + r.webhooks };
  }
  return result;
}

/** A host's published address changed (mail "ip_changed", webhook "host.ip_changed"). */
export async function notifyIpChanged(
  client: Db | Tx,
  args: { userId: string; hostId: string; fqdn: string; type: "A" | "AAAA"; before: string[]; after: string[]; sourceIp?: string; now?: Date },
) {
  const { type, before, after, ...rest } = args;
  return notifyAddressesChanged(client, { ...rest, changes: [{ type, before, after }] });
}

/**
 * A host's status changed. `mailEvent` picks the preference for the mail (expiry_warning for
 * liveness, abuse_action for staff actions, billing for billing holds); no mail when omitted.
 */
export async function notifyHostStatusChanged(
  client: Db | Tx,
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

// At most one update_failed mail per user, host and result code per hour and process: a broken
// router retries every few minutes and must not flood its owner's inbox.
const FAILURE_MAIL_EVERY_MS = 3600_000;
const lastFailureMail = new Map<string, number>();

/** An update was refused (badauth on a key, abuse, nohost for an expired host…): mail "update_failed". */
export async function notifyUpdateFailed(
  client: Db | Tx,
  args: { userId: string; fqdn: string; result: string; reason: string; sourceIp?: string; now?: Date },
) {
  const now = (args.now ?? new Date()).getTime();
  const key = `${args.userId}\u0000${args.fqdn}\u0000${args.result}`;
  if (now - (lastFailureMail.get(key) ?? -Infinity) < FAILURE_MAIL_EVERY_MS) return { mailed: false, webhooks: 0 };
  if (lastFailureMail.size > 50_000) lastFailureMail.clear();
  lastFailureMail.set(key, now);
  return notifyUser(client, {
    userId: args.userId,
    email: {
      event: "update_failed",
      subject: `An update of ${args.fqdn} was refused (${args.result})`,
      text: `An update request for ${args.fqdn}${args.sourceIp ? ` from ${args.sourceIp}` : ""} was answered "${args.result}": ${args.reason}.\n\nHistory: ${publicUrl()}/hosts\nChoose which mails you get: ${publicUrl()}/account/notifications\n`,
    },
  });
}

/** An update client was blocked after a storm of unchanged updates: mail "blocked". */
export async function notifyClientBlocked(client: Db | Tx, args: { userId: string; credential: string; until: Date; reason: string }) {
  return notifyUser(client, {
    userId: args.userId,
    email: {
      event: "blocked",
      subject: "An update client of yours was paused",
      text: `Updates with ${args.credential} are refused until ${args.until.toISOString()} (UTC): ${args.reason}.\n\nYour client sends updates although the address did not change; set it to check less often. You can lift the block in the dashboard: ${publicUrl()}/hosts\n`,
    },
  });
}
