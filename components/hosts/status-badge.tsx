// A small coloured badge: a host's state ("Live in DNS", "Pending DNS sync", "Suspended"…).
import { badgeText, type DnsState, type HostStatus } from "./host-state";

const TONES = {
  green: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  red: "bg-red-50 text-red-800 ring-red-200",
  grey: "bg-zinc-100 text-zinc-700 ring-zinc-200",
} as const;

function tone(status: HostStatus, dns: DnsState): keyof typeof TONES {
  if (status === "EXPIRED" || status === "FROZEN") return "amber";
  if (status !== "ACTIVE") return "red";
  return dns === "live" ? "green" : dns === "pending" ? "amber" : "grey";
}

/** The badge for one host. */
export function StatusBadge({ status, dns }: { status: HostStatus; dns: DnsState }) {
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone(status, dns)]}`}>
      <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-current" />
      {badgeText(status, dns)}
    </span>
  );
}
