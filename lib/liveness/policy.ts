// Liveness rules for hosts on plans without the "no_expiry" feature (the free plan): a host must
// show some authenticated activity every LIVENESS_DAYS; reminders go out REMINDER_DAYS before the
// deadline; an expired host leaves DNS and is kept REDEMPTION_DAYS, then its name is released
// into a quarantine tombstone for QUARANTINE_DAYS.

export const LIVENESS_DAYS = 30;
export const REMINDER_DAYS = [7, 1] as const;
export const REDEMPTION_DAYS = 30;
/** The same quarantine as a deleted host (lib/hosts/delete-host.ts). */
export { QUARANTINE_DAYS } from "@/lib/hosts/delete-host";
export const DAY_MS = 86_400_000;

/** statusReason of hosts expired by the liveness job. */
export const EXPIRED_REASON = "No activity for 30 days: confirm the host to bring it back.";

/** SQL condition: the host's owner (alias u, plan alias p) is subject to liveness. */
export const SUBJECT_TO_LIVENESS = `NOT ('no_expiry' = ANY(p."features"))`;

/** SQL condition: an update event (alias e) that proves the owner's client is alive (good or nochg). */
export const COUNTS_AS_ACTIVITY = `(e."result" LIKE 'good%' OR e."result" LIKE 'nochg%' OR e."result" LIKE 'OK%')`;

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}
