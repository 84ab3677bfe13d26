// The update path's only read: the named hosts with zone, status and the rrsets an update may
// touch (A/AAAA/MX at the host, A/AAAA at its wildcard, TXT at _acme-challenge), plus whether the
// credential is under a client block. Lookups are answered in batches: a lone request gets its own
// query on the next turn of the event loop; under load, lookups that arrive while queries are in
// flight share the next one, so the database sees one round trip for many requests.
import type { Db } from "@/lib/db";
import { preparedQuery } from "@/lib/db/prepared";
import type { HostStatus } from "@/lib/dns/publish";
import type { RRset } from "@/lib/dns/types";

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

type Lookup = { fqdns: string[]; labels?: string[]; credential: string; ownerId: string };
type Pending = Lookup & { resolve(v: LoadedHosts): void; reject(e: unknown): void };
type Row = { hosts: HostState[] | string | null; blocks: Record<string, string> | string | null };

// $1 FQDNs; $2/$3 (owner, bare label) pairs (DuckDNS-style names); $4 credentials.
const SQL = `
SELECT
  (SELECT json_agg(json_build_object(
            'id', h."id", 'fqdn', h."fqdn", 'label', h."label", 'ownerId', h."ownerId", 'status', h."status",
            'zoneId', h."zoneId", 'zoneName', z."name",
            'rrsets', COALESCE((SELECT json_agg(json_build_object('name', r."name", 'type', r."type", 'ttl', r."ttl", 'records', r."records"))
                                  FROM "RRset" r
                                 WHERE r."name" = ANY(ARRAY[h."fqdn", '*.' || h."fqdn", '_acme-challenge.' || h."fqdn"])
                                   AND r."type" IN ('A', 'AAAA', 'MX', 'TXT')), '[]'::json)))
     FROM "Host" h JOIN "Zone" z ON z."id" = h."zoneId"
    WHERE h."fqdn" = ANY($1::text[])
       OR (cardinality($3::text[]) > 0 AND (h."ownerId", h."label") IN (SELECT * FROM unnest($2::uuid[], $3::text[])))) AS "hosts",
  (SELECT json_object_agg(b."credential", b."until")
     FROM (SELECT "credential", max("expiresAt") AS "until" FROM "ClientBlock"
            WHERE "credential" = ANY($4::text[]) AND "liftedAt" IS NULL AND "expiresAt" > now()
            GROUP BY "credential") AS b) AS "blocks"`;

const parse = <T>(v: T | string | null): T | null => (typeof v === "string" ? (JSON.parse(v) as T) : v);

// Per client: lookups waiting for the next query, and how many queries are in flight. At most
// MAX_IN_FLIGHT run at once; lookups arriving meanwhile wait and then share one query.
type Queue = { waiting: Pending[]; inFlight: number; scheduled: boolean };
const MAX_IN_FLIGHT = 2;
const queues = new Map<Db, Queue>();

/** Hosts by FQDN, the owner's hosts by bare label (keyed by label), and the credential's block. */
export function loadHosts(client: Db, lookup: Lookup): Promise<LoadedHosts> {
  return new Promise((resolve, reject) => {
    let q = queues.get(client);
    if (!q) queues.set(client, (q = { waiting: [], inFlight: 0, scheduled: false }));
    q.waiting.push({ ...lookup, resolve, reject });
    schedule(client, q);
  });
}

function schedule(client: Db, q: Queue): void {
  if (q.scheduled || q.inFlight >= MAX_IN_FLIGHT || q.waiting.length === 0) return;
  q.scheduled = true;
  setImmediate(() => {
    q.scheduled = false;
    void flush(client, q);
  });
}

async function flush(client: Db, q: Queue): Promise<void> {
  const batch = q.waiting;
  q.waiting = [];
  if (batch.length === 0) return;
  q.inFlight++;
  const fqdns = [...new Set(batch.flatMap((p) => p.fqdns))];
  const pairs = batch.flatMap((p) => (p.labels ?? []).map((l) => [p.ownerId, l] as const));
  const credentials = [...new Set(batch.map((p) => p.credential))];
  try {
    const [row] = await preparedQuery<Row>(client, "dynhost_load_hosts", SQL, [fqdns, pairs.map((x) => x[0]), pairs.map((x) => x[1]), credentials]);
    const hosts = parse(row?.hosts ?? null) ?? [];
    const blocks = parse(row?.blocks ?? null) ?? {};
    for (const p of batch) p.resolve(pick(p, hosts, blocks[p.credential]));
  } catch (err) {
    for (const p of batch) p.reject(err);
  } finally {
    q.inFlight--;
    if (q.inFlight === 0 && q.waiting.length === 0) queues.delete(client);
    else schedule(client, q);
  }
}

function pick(p: Lookup, rows: HostState[], blockedUntil: string | undefined): LoadedHosts {
  const hosts = new Map<string, HostState>();
  const labels = p.labels ?? [];
  const ambiguous = new Set<string>();
  for (const h of rows) {
    if (p.fqdns.includes(h.fqdn)) hosts.set(h.fqdn, h);
    if (h.ownerId === p.ownerId && labels.includes(h.label)) {
      if (hosts.has(h.label)) ambiguous.add(h.label);
      hosts.set(h.label, h);
    }
  }
  // The same label under two zones: such a bare name matches nothing.
  for (const label of ambiguous) hosts.delete(label);
  return { hosts, blockedUntil: blockedUntil ? new Date(blockedUntil) : null };
}
