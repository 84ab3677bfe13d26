// Dates on account pages, in UTC so server rendering does not depend on the machine's zone.
const FMT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** "25 Nov 2026, 17:40 UTC" */
export function formatTime(d: Date): string {
  return `${FMT.format(d)} UTC`;
}
