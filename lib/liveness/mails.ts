// The liveness mails. Plain text; the confirmation link counts as activity for every host of the
// account and brings back hosts still in their redemption period.
import { publicUrl } from "@/lib/env";
import { REDEMPTION_DAYS } from "./policy";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The confirmation link (the page behind it calls confirmLivenessLink). */
export function livenessLink(token: string): string {
  return `${publicUrl()}/liveness?token=${token}`;
}

/** Sent 7 days and 1 day before a free host's deadline. */
export function reminderMail(to: string, args: { fqdn: string; expiresAt: Date; daysBefore: number; token: string }) {
  const when = args.daysBefore === 1 ? "tomorrow" : `in ${args.daysBefore} days`;
  return {
    to,
    subject: `${args.fqdn} expires ${when}`,
    text:
      `Your free host ${args.fqdn} has shown no activity for a while and will stop resolving on ${day(args.expiresAt)} (UTC).\n\n` +
      `Any of these keeps it: an update from your router or client (even when the address did not change), ` +
      `signing in to the dashboard, or opening this link:\n\n${livenessLink(args.token)}\n\n` +
      `Plans with no expiry: ${publicUrl()}/pricing\n`,
    secrets: [args.token],
  };
}

/** Sent when a host expired: it left DNS and can be brought back for REDEMPTION_DAYS. */
export function expiredMail(to: string, args: { fqdn: string; releaseAt: Date; token: string }) {
  return {
    to,
    subject: `${args.fqdn} has expired`,
    text:
      `Your free host ${args.fqdn} had no activity for 30 days and no longer resolves.\n\n` +
      `It stays reserved for you for ${REDEMPTION_DAYS} days, until ${day(args.releaseAt)} (UTC). Bring it back (and keep your ` +
      `other hosts alive) by opening this link:\n\n${livenessLink(args.token)}\n\n` +
      `After that date the name is released.\n`,
    secrets: [args.token],
  };
}
