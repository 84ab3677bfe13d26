// The projection from the database to DNS (DESIGN.md §1): what is published for a name is the
// owner's RRset rows filtered through the host's status. Pure: the dispatcher and the reconciler
// both call it, so a pushed change and a full-zone reconcile can never disagree.
import type { RRset, RRType } from "./types";

export type HostStatus = "ACTIVE" | "EXPIRED" | "SUSPENDED" | "SINKHOLED" | "FROZEN";

/** An RRset row as stored: empty `records` means "deleted" (kept until the delete is published). */
export type StoredRRset = RRset & { hostId: string | null };

export type PublishHost = { id: string; fqdn: string; status: HostStatus };

/** Where SINKHOLED hosts point (env SINKHOLE_IPV4 / SINKHOLE_IPV6), and the TTL of those answers. */
export type Sinkhole = { ipv4: string; ipv6: string; ttl: number };

export const SINKHOLE_TTL = 60;

const key = (name: string, type: RRType) => `${name}\u0000${type}`;

/**
 * The rrsets to publish for the given rows and their hosts. ACTIVE and FROZEN publish the owner's
 * records as they are; SUSPENDED and EXPIRED publish nothing (NXDOMAIN); SINKHOLED publishes only
 * A/AAAA at the host's FQDN pointing at the sinkhole. Rows without a host publish as they are.
 * Empty rrsets are left out. Lifting a status restores the rows exactly, as they are never touched.
 */
export function projectRRsets(rows: readonly StoredRRset[], hosts: readonly PublishHost[], sinkhole: Sinkhole): RRset[] {
  const byId = new Map(hosts.map((h) => [h.id, h]));
  const out = new Map<string, RRset>();
  for (const row of rows) {
    if (row.records.length === 0) continue;
    const status = row.hostId ? (byId.get(row.hostId)?.status ?? "ACTIVE") : "ACTIVE";
    if (status !== "ACTIVE" && status !== "FROZEN") continue;
    out.set(key(row.name, row.type), { name: row.name, type: row.type, ttl: row.ttl, records: [...row.records] });
  }
  for (const host of hosts) {
    if (host.status !== "SINKHOLED") continue;
    out.set(key(host.fqdn, "A"), { name: host.fqdn, type: "A", ttl: sinkhole.ttl, records: [sinkhole.ipv4] });
    out.set(key(host.fqdn, "AAAA"), { name: host.fqdn, type: "AAAA", ttl: sinkhole.ttl, records: [sinkhole.ipv6] });
  }
  return [...out.values()];
}

/** The published rrset for one (name, type), or null when nothing is published there. */
export function projectOne(
  name: string,
  type: RRType,
  rows: readonly StoredRRset[],
  hosts: readonly PublishHost[],
  sinkhole: Sinkhole,
): RRset | null {
  const relevantRows = rows.filter((r) => r.name === name && r.type === type);
  const relevantHosts = hosts.filter((h) => h.fqdn === name || relevantRows.some((r) => r.hostId === h.id));
  return projectRRsets(relevantRows, relevantHosts, sinkhole).find((r) => r.name === name && r.type === type) ?? null;
}
