// JSON shapes of hosts and rrsets in v1 answers (dates as ISO strings).
import type { Db } from "@/lib/db";
import type { RRType } from "@/lib/dns/types";
import { RECORD_NAMES, recordNameOf, recordOwner, type RecordName } from "@/lib/validation/record-values";
import type { HostSummary } from "./list-hosts-page";

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function hostSummaryJson(h: HostSummary) {
  return { id: h.id, fqdn: h.fqdn, status: h.status as "ACTIVE", lastUpdateAt: iso(h.lastUpdateAt), expiresAt: iso(h.expiresAt), createdAt: h.createdAt.toISOString() };
}

type RRsetRow = { name: RecordName; type: RRType; ttl: number; records: string[]; version: bigint; publishedVersion: bigint };

export function rrsetJson(r: RRsetRow) {
  return { name: r.name, type: r.type, ttl: r.ttl, records: r.records, live: r.publishedVersion >= r.version };
}

/**
 * The host's non-empty rrsets at the names a user sets ("@", "*", "_acme-challenge"; only `name`
 * when given), with `name` relative to the host: the host's own first, then "*", then "_acme-challenge".
 */
export async function hostRRsets(client: Db, host: { id: string; fqdn: string }, name?: RecordName): Promise<RRsetRow[]> {
  const names = name ? [name] : [...RECORD_NAMES];
  const rows = await client.rRset.findMany({
    where: { hostId: host.id, name: { in: names.map((n) => recordOwner(n, host.fqdn)) }, NOT: { records: { isEmpty: true } } },
    orderBy: { type: "asc" },
    select: { name: true, type: true, ttl: true, records: true, version: true, publishedVersion: true },
  });
  const rank = (n: RecordName) => RECORD_NAMES.indexOf(n);
  return rows
    .map((r) => ({ ...r, name: recordNameOf(r.name, host.fqdn)! }))
    .sort((a, b) => rank(a.name) - rank(b.name)); // stable: by type within a name, as the database ordered them
}
