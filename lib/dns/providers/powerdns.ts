// DnsProvider over the PowerDNS Authoritative HTTP API: zones as Native, rrsets changed with one
// PATCH (changetype REPLACE / DELETE) per chunk of changes.
import { canonicalName, canonicalRecord, canonicalRRset, RdataError } from "../rdata";
import { formatIPv6, ipv6Words } from "../rdata-ip";
import { FatalDnsError, RR_TYPES, type Change, type DnsProvider, type RRset, type RRType } from "../types";
import { pdnsRequest, type PdnsHttp } from "./powerdns-http";

export type PowerDnsOptions = {
  apiUrl: string;
  apiKey: string;
  serverId?: string;
  /** Absolute names of the zone's name servers, put into NS and SOA by ensureZone. */
  nameservers: string[];
  timeoutMs?: number;
  /** SOA RNAME for new zones; default hostmaster.<zone>. */
  hostmaster?: string;
  maxChangesPerRequest?: number;
  /**
   * Flush PowerDNS's packet/query caches for the changed names after each apply (default true).
   * A PATCH does not purge them, so without this a changed name keeps answering its old address
   * for up to cache-ttl seconds (reproduced in bench/pdns-cache-race.ts).
   */
  flushCache?: boolean;
};

/** Above this many changed names one flush of the whole zone replaces per-name flushes. */
const FLUSH_PER_NAME_MAX = 20;

type PdnsRRset = { name: string; type: string; ttl: number; records: { content: string; disabled: boolean }[] };

const TYPES = new Set<RRType>(["A", "AAAA", "TXT", "MX", "CNAME", "NS", "CAA", "SRV"]);

// Create a PowerDNS provider; it talks only to `apiUrl`.
export function createPowerDnsProvider(options: PowerDnsOptions): DnsProvider {
  const http: PdnsHttp = { apiUrl: options.apiUrl, apiKey: options.apiKey, timeoutMs: options.timeoutMs ?? 10_000 };
  const base = `/api/v1/servers/${encodeURIComponent(options.serverId ?? "localhost")}/zones`;
  const zonePath = (zone: string) => `${base}/${encodeURIComponent(absolute(zone))}`;
  const nameservers = options.nameservers.map((ns) => canonicalName(ns, false) ?? invalid(`name server "${ns}"`));
  if (nameservers.length === 0) invalid("nameservers (at least one is required)");
  const maxChanges = options.maxChangesPerRequest ?? 1000;

  return {
    id: "powerdns",
    capabilities: { types: TYPES, minTtl: 1, maxChangesPerRequest: maxChanges },

    async ensureZone(zone) {
      const rname = options.hostmaster
        ? (canonicalName(options.hostmaster, false, true) ?? invalid(`hostmaster "${options.hostmaster}"`))
        : `hostmaster.${absolute(zone)}`;
      const soa = `${nameservers[0]} ${rname} 1 10800 3600 604800 3600`;
      const body = {
        name: absolute(zone),
        kind: "Native",
        nameservers,
        rrsets: [{ name: absolute(zone), type: "SOA", ttl: 3600, records: [{ content: soa, disabled: false }] }],
      };
      const res = await pdnsRequest(http, "POST", base, body, [409, 422]);
      if (res.status === 422 && !/exist/i.test(String((res.body as { error?: unknown } | null)?.error))) {
        throw new FatalDnsError(`PowerDNS refused to create zone ${zone}: ${(res.body as { error?: unknown } | null)?.error}`);
      }
    },

    async listRRsets(zone, names) {
      const z = bare(zone);
      const wanted = names && new Set(names.map(bare));
      const fetchSets = async (query: string) => ((await pdnsRequest(http, "GET", zonePath(zone) + query)).body as { rrsets?: PdnsRRset[] }).rrsets ?? [];
      const raw = wanted && wanted.size <= 20
        ? (await Promise.all([...wanted].map((n) => fetchSets(`?rrset_name=${encodeURIComponent(absolute(n))}`)))).flat()
        : await fetchSets("");
      const out: RRset[] = [];
      for (const set of raw) {
        const name = bare(set.name);
        const type = set.type as RRType;
        if (!RR_TYPES.includes(type) || type === "SOA" || (type === "NS" && name === z)) continue;
        if (wanted && !wanted.has(name)) continue;
        const records = set.records.filter((r) => !r.disabled).map((r) => r.content);
        if (records.length === 0) continue;
        try {
          out.push(canonicalRRset({ name, type, ttl: set.ttl, records }));
        } catch (e) {
          if (e instanceof RdataError) throw new FatalDnsError(`PowerDNS holds a record we cannot read at ${name}: ${e.message}`, { cause: e });
          throw e;
        }
      }
      return out.sort((a, b) => (a.name === b.name ? (a.type < b.type ? -1 : 1) : a.name < b.name ? -1 : 1));
    },

    async apply(zone, changes) {
      const patches = changes.map((c) => toPatch(zone, c));
      for (let i = 0; i < patches.length; i += maxChanges) {
        await pdnsRequest(http, "PATCH", zonePath(zone), { rrsets: patches.slice(i, i + maxChanges) });
      }
      if (patches.length === 0 || options.flushCache === false) return;
      // A flush of a name also purges everything below it, so a large batch flushes the zone once.
      const names = [...new Set(patches.map((p) => p.name))];
      const targets = names.length > FLUSH_PER_NAME_MAX ? [absolute(zone)] : names;
      const flush = `/api/v1/servers/${encodeURIComponent(options.serverId ?? "localhost")}/cache/flush?domain=`;
      for (const n of targets) await pdnsRequest(http, "PUT", flush + encodeURIComponent(n));
    },
  };
}

function toPatch(zone: string, change: Change) {
  const rrset = change.kind === "delete" ? change.before : change.after;
  const name = bare(rrset.name);
  const z = bare(zone);
  if (name !== z && !name.endsWith(`.${z}`)) throw new FatalDnsError(`${name} is not inside zone ${z}`);
  if (rrset.type === "SOA" || (rrset.type === "NS" && name === z)) {
    throw new FatalDnsError(`${name} ${rrset.type} belongs to the backend and cannot be changed`);
  }
  if (change.kind === "delete") return { name: absolute(name), type: rrset.type, changetype: "DELETE" };
  const records = rrset.records.map((r) => {
    try {
      return { content: pdnsContent(rrset.type, canonicalRecord(rrset.type, r)), disabled: false };
    } catch (e) {
      throw e instanceof RdataError ? new FatalDnsError(e.message, { cause: e }) : e;
    }
  });
  return { name: absolute(name), type: rrset.type, ttl: rrset.ttl, changetype: "REPLACE", records };
}

// PowerDNS prints IPv4-mapped AAAA as "::ffff:192.0.2.1" but accepts only the hex form.
function pdnsContent(type: RRType, canonical: string): string {
  return type === "AAAA" && canonical.includes(".") ? formatIPv6(ipv6Words(canonical)!, false) : canonical;
}

const bare = (name: string) => name.toLowerCase().replace(/\.$/, "");
const absolute = (name: string) => `${bare(name)}.`;
function invalid(what: string): never {
  throw new FatalDnsError(`PowerDNS provider misconfigured: invalid ${what}`);
}
