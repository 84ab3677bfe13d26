// What a host's row says about it: its status in words and whether DNS serves its records yet
// (an rrset is live once the backend confirmed its version: publishedVersion >= version).
import type { HostStatus } from "@/lib/generated/prisma/enums";

export type { HostStatus };
export type DnsState = "live" | "pending" | "empty";

/** One rrset as the pages read it. */
export type RRsetState = { name: string; type: string; ttl: number; records: string[]; version: bigint; publishedVersion: bigint };

export const STATUS_TEXT: Record<HostStatus, { label: string; explain: string }> = {
  ACTIVE: { label: "Active", explain: "" },
  EXPIRED: { label: "Expired", explain: "It is out of DNS until you bring it back." },
  SUSPENDED: { label: "Suspended", explain: "Staff took it out of DNS." },
  SINKHOLED: { label: "Sinkholed", explain: "Staff point it at a sinkhole address." },
  FROZEN: { label: "Frozen", explain: "Its records cannot be changed for now." },
};

/** "live" when every change was pushed, "pending" while one waits, "empty" without any record. */
export function dnsState(rrsets: Pick<RRsetState, "records" | "version" | "publishedVersion">[]): DnsState {
  if (rrsets.some((r) => r.publishedVersion < r.version)) return "pending";
  return rrsets.some((r) => r.records.length > 0) ? "live" : "empty";
}

/** The badge text for a host: its DNS state while active, its status otherwise. */
export function badgeText(status: HostStatus, dns: DnsState): string {
  if (status !== "ACTIVE") return STATUS_TEXT[status].label;
  return dns === "live" ? "Live in DNS" : dns === "pending" ? "Pending DNS sync" : "No records yet";
}
