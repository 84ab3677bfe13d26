// One round trip for the update path: the named hosts with their zone, status and the rrsets an
// update may touch (A/AAAA/MX at the host, A/AAAA at its wildcard, TXT at _acme-challenge), plus
// whether the credential is under a client block.
import type { Db } from "@/lib/db";
import type { RRset } from "@/lib/dns/types";
import type { HostStatus } from "@/lib/dns/publish";

export type HostState = {
  id: string;
  fqdn: string;
  label: string;
  ownerId: string;
  status: HostStatus;
  zoneId: string;
  zoneName: string;
  rrsets: RRset[];
};

export type LoadedHosts = { hosts: Map<string, HostState>; blockedUntil: Date | null };

type Row = Omit<HostState, "rrsets"> & { rrsets: RRset[] | string | null; blockedUntil: Date | null; id: string | null };

// $1 FQDNs; $2 the credential; $3 the owner and $4 bare labels (DuckDNS-style names).
const SQL = `
WITH blk AS (
  SELECT max("expiresAt") AS until FROM "ClientBlock"
   WHERE "credential" = $2 AND "liftedAt" IS NULL AND "expiresAt" > now()
), h AS (
  SELECT h."id", h."fqdn", h."label", h."ownerId", h."status"::text AS "status", h."zoneId", z."name" AS "zoneName"
    FROM "Host" h JOIN "Zone" z ON z."id" = h."zoneId"
   WHERE h."fqdn" = ANY($1::text[]) OR (cardinality($4::text[]) > 0 AND h."ownerId" = $3::uuid AND h."label" = ANY($4::text[]))
)
SELECT (SELECT until FROM blk) AS "blockedUntil", h.*,
       (SELECT json_agg(json_build_object('name', r."name", 'type', r."type", 'ttl', r."ttl", 'records', r."records"))
          FROM "RRset" r
         WHERE r."name" = ANY(ARRAY[h."fqdn", '*.' || h."fqdn", '_acme-challenge.' || h."fqdn"])
           AND r."type" IN ('A', 'AAAA', 'MX', 'TXT')) AS "rrsets"
  FROM (SELECT 1) AS one LEFT JOIN h ON true`;

/** Hosts by FQDN, and the owner's hosts by bare label (keyed by label), plus the credential's block. */
export async function loadHosts(
  client: Db,
  args: { fqdns: string[]; labels?: string[]; credential: string; ownerId: string },
): Promise<LoadedHosts> {
  const labels = args.labels ?? [];
  const rows = await client.$queryRawUnsafe<Row[]>(SQL, args.fqdns, args.credential, args.ownerId, labels);
  const hosts = new Map<string, HostState>();
  const ambiguous = new Set<string>();
  for (const r of rows) {
    if (!r.id) continue;
    const rrsets = (typeof r.rrsets === "string" ? (JSON.parse(r.rrsets) as RRset[]) : r.rrsets) ?? [];
    const host: HostState = { id: r.id, fqdn: r.fqdn, label: r.label, ownerId: r.ownerId, status: r.status, zoneId: r.zoneId, zoneName: r.zoneName, rrsets };
    hosts.set(r.fqdn, host);
    if (r.ownerId === args.ownerId && labels.includes(r.label)) {
      if (hosts.has(r.label)) ambiguous.add(r.label);
      hosts.set(r.label, host);
    }
  }
  // The same label under two zones: such a bare name matches nothing.
  for (const label of ambiguous) hosts.delete(label);
  return { hosts, blockedUntil: rows[0]?.blockedUntil ?? null };
}
