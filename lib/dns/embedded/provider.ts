// DnsProvider for the embedded server, over its control API (control.ts): PUT the zone, GET rrsets,
// one PATCH of REPLACE/DELETE rrsets per apply (atomic on the server). Talks only to `controlUrl`.
import { canonicalRecord, RdataError } from "../rdata";
import { FatalDnsError, RR_TYPES, type Change, type DnsProvider, type RRset, type RRType } from "../types";
import { controlRequest, type ControlHttp } from "./provider-http";
import type { RRsetChange } from "./types";

export type EmbeddedProviderOptions = {
  controlUrl: string;
  controlKey: string;
  timeoutMs?: number;
  /** Changes per PATCH; a plan longer than this is sent in several (each atomic). */
  maxChangesPerRequest?: number;
};

const TYPES = new Set<RRType>(RR_TYPES.filter((t) => t !== "SOA"));

// Create the "embedded" provider.
export function createEmbeddedProvider(options: EmbeddedProviderOptions): DnsProvider {
  const http: ControlHttp = { url: options.controlUrl.replace(/\/$/, ""), key: options.controlKey, timeoutMs: options.timeoutMs ?? 10_000 };
  const maxChanges = options.maxChangesPerRequest ?? 5000;
  const zonePath = (zone: string) => `/v1/zones/${encodeURIComponent(bare(zone))}`;
  return {
    id: "embedded",
    capabilities: { types: TYPES, minTtl: 1, maxChangesPerRequest: maxChanges },

    async ensureZone(zone) {
      await controlRequest(http, "PUT", zonePath(zone));
    },

    async listRRsets(zone, names) {
      const query = names ? "?" + names.map((n) => `name=${encodeURIComponent(bare(n))}`).join("&") : "";
      if (names && names.length === 0) return [];
      const body = (await controlRequest(http, "GET", `${zonePath(zone)}/rrsets${query}`)) as { rrsets?: RRset[] } | null;
      if (!body || !Array.isArray(body.rrsets)) throw new FatalDnsError("the embedded DNS server sent an rrset list we cannot read");
      return body.rrsets;
    },

    async apply(zone, changes) {
      const patch = changes.flatMap((c) => toPatch(zone, c));
      for (let i = 0; i < patch.length; i += maxChanges) {
        await controlRequest(http, "PATCH", `${zonePath(zone)}/rrsets`, { rrsets: patch.slice(i, i + maxChanges) });
      }
    },
  };
}

function toPatch(zone: string, change: Change): RRsetChange[] {
  const out: RRsetChange[] = [];
  if (change.kind !== "create") {
    const b = change.before;
    if (change.kind === "delete" || bare(b.name) !== bare(change.after.name) || b.type !== change.after.type) {
      out.push({ name: checked(zone, b), type: b.type, changetype: "DELETE" });
    }
  }
  if (change.kind !== "delete") {
    const a = change.after;
    const records = a.records.map((r) => {
      try {
        return canonicalRecord(a.type, r);
      } catch (e) {
        throw e instanceof RdataError ? new FatalDnsError(e.message, { cause: e }) : e;
      }
    });
    out.push({ name: checked(zone, a), type: a.type, ttl: a.ttl, changetype: "REPLACE", records });
  }
  return out;
}

function checked(zone: string, rrset: RRset): string {
  const name = bare(rrset.name);
  const z = bare(zone);
  if (name !== z && !name.endsWith(`.${z}`)) throw new FatalDnsError(`${name} is not inside zone ${z}`);
  if (rrset.type === "SOA" || (rrset.type === "NS" && name === z)) {
    throw new FatalDnsError(`${name} ${rrset.type} belongs to the embedded server and cannot be changed`);
  }
  return name;
}

const bare = (name: string) => name.toLowerCase().replace(/\.$/, "");
