// Checks a control-API change list against the current zone and turns it into the minimal ops to
// journal: canonical records, no-ops dropped, and the whole list refused on the first problem.
import { canonicalRRset, RdataError } from "../rdata";
import { RR_TYPES, type RRType } from "../types";
import { makeEntry } from "./encode";
import { EmbeddedDnsInputError, type Op, type RRsetChange } from "./types";
import type { Zone, ZoneIndex } from "./zone-index";

const LABEL = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$/;

// Canonical owner name (lower-case, no trailing dot) or null when it is not a usable host name.
export function ownerName(input: string): string | null {
  const name = input.toLowerCase().replace(/\.$/, "");
  if (name.length === 0 || name.length > 253) return null;
  const labels = name.split(".");
  return labels.every((l, i) => LABEL.test(l) || (i === 0 && l === "*")) ? name : null;
}

// The ops that bring `zoneName` to the requested state; [] when it already is there.
export function planOps(index: ZoneIndex, zoneName: string, changes: RRsetChange[]): Op[] {
  const zone = index.zones.get(zoneName);
  if (!zone) throw new EmbeddedDnsInputError(`zone ${zoneName} does not exist`, 404);
  if (!Array.isArray(changes)) throw new EmbeddedDnsInputError("rrsets must be a list");
  const ops: Op[] = [];
  const touched = new Map<string, Set<RRType>>();
  const seen = new Set<string>();
  for (const change of changes) {
    const name = checkOwner(index, zone, change);
    const type = change.type;
    const key = `${name} ${type}`;
    const types = touched.get(name) ?? new Set(zone.nodes.get(name)?.keys() ?? []);
    if (seen.has(key)) throw new EmbeddedDnsInputError(`${name} ${type} appears twice in one change list`);
    seen.add(key);
    const existing = zone.nodes.get(name)?.get(type);
    if (change.changetype === "DELETE" || (change.changetype === "REPLACE" && change.records?.length === 0)) {
      types.delete(type);
      if (existing) ops.push({ op: "delete", name, type });
    } else if (change.changetype === "REPLACE") {
      const rrset = canonical(name, type, change);
      types.add(type);
      const same = existing && existing.ttl === rrset.ttl && existing.records.join("\n") === rrset.records.join("\n");
      if (!same) ops.push({ op: "replace", rrset });
    } else {
      throw new EmbeddedDnsInputError(`changetype must be REPLACE or DELETE, not ${String(change.changetype)}`);
    }
    touched.set(name, types);
  }
  for (const [name, types] of touched) {
    if (types.has("CNAME") && types.size > 1) throw new EmbeddedDnsInputError(`${name}: a CNAME cannot coexist with other records`);
  }
  return ops;
}

function checkOwner(index: ZoneIndex, zone: Zone, change: RRsetChange): string {
  const name = typeof change?.name === "string" ? ownerName(change.name) : null;
  if (!name) throw new EmbeddedDnsInputError(`invalid owner name ${JSON.stringify(change?.name)}`);
  if (index.findZone(name) !== zone) throw new EmbeddedDnsInputError(`${name} is not in zone ${zone.name}`);
  if (!RR_TYPES.includes(change.type)) throw new EmbeddedDnsInputError(`unsupported type ${JSON.stringify(change.type)}`);
  if (change.type === "SOA") throw new EmbeddedDnsInputError("the SOA is managed by the server");
  if (name === zone.name && (change.type === "NS" || change.type === "CNAME")) {
    throw new EmbeddedDnsInputError(`${change.type} at the zone apex is managed by the server`);
  }
  return name;
}

function canonical(name: string, type: RRType, change: RRsetChange) {
  if (!Array.isArray(change.records) || !change.records.every((r) => typeof r === "string")) {
    throw new EmbeddedDnsInputError(`${name} ${type}: records must be a list of strings`);
  }
  try {
    const rrset = canonicalRRset({ name, type, ttl: change.ttl ?? NaN, records: change.records });
    if (type === "CNAME" && rrset.records.length > 1) throw new EmbeddedDnsInputError(`${name}: a CNAME holds one record`);
    makeEntry(type, rrset.ttl, rrset.records);
    return rrset;
  } catch (e) {
    if (e instanceof EmbeddedDnsInputError) throw e;
    throw new EmbeddedDnsInputError(`${name} ${type}: ${e instanceof RdataError ? e.message : String(e)}`);
  }
}
