// Pure planning: the changes that turn the existing rrsets into the desired ones, and an audit of
// desired rrsets against a provider's capabilities (DESIGN.md §2, STYLE.md §9–10).
import { canonicalRecord, canonicalRRset, RdataError } from "./rdata";
import type { Change, ProviderCapabilities, RRset } from "./types";

/** Thrown when the input to planning is itself contradictory (the same rrset given twice). */
export class PlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanError";
  }
}

export type AuditProblem = {
  name: string;
  type: string;
  code: "unsupported_type" | "ttl_below_minimum" | "cname_and_other_data" | "cname_multiple_records" | "invalid_record" | "duplicate_rrset";
  message: string;
};

const key = (r: RRset) => `${r.name}\u0000${r.type}`;
const byNameType = (a: RRset, b: RRset) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0);

// Index canonical, non-empty rrsets by name+type (an rrset without records means "absent").
function index(rrsets: RRset[], side: string): Map<string, RRset> {
  const map = new Map<string, RRset>();
  for (const rrset of rrsets.map(canonicalRRset)) {
    if (rrset.records.length === 0) continue;
    if (map.has(key(rrset))) throw new PlanError(`${side} holds ${rrset.name} ${rrset.type} twice`);
    map.set(key(rrset), rrset);
  }
  return map;
}

// Changes from `existing` to `desired`, compared in canonical form: deletes first (so a CNAME can
// replace other types at its name, and vice versa), then updates (records or TTL differ), then
// creates; each group sorted by name and type. Empty when in sync.
export function computeChanges(existing: RRset[], desired: RRset[]): Change[] {
  const before = index(existing, "existing");
  const after = index(desired, "desired");
  const deletes: Change[] = [];
  const updates: Change[] = [];
  const creates: Change[] = [];
  for (const old of [...before.values()].sort(byNameType)) {
    if (!after.has(key(old))) deletes.push({ kind: "delete", before: old });
  }
  for (const next of [...after.values()].sort(byNameType)) {
    const old = before.get(key(next));
    if (!old) creates.push({ kind: "create", after: next });
    else if (old.ttl !== next.ttl || old.records.join("\n") !== next.records.join("\n")) {
      updates.push({ kind: "update", before: old, after: next });
    }
  }
  return [...deletes, ...updates, ...creates];
}

// Problems that would make a provider reject (or silently alter) the desired rrsets.
export function auditRRsets(desired: RRset[], capabilities: ProviderCapabilities): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const seen = new Set<string>();
  const typesAt = new Map<string, Set<string>>();
  for (const rrset of desired) {
    const name = rrset.name.toLowerCase().replace(/\.$/, "");
    const add = (code: AuditProblem["code"], message: string) => problems.push({ name, type: rrset.type, code, message });
    const k = `${name}\u0000${rrset.type}`;
    if (seen.has(k)) add("duplicate_rrset", `${name} ${rrset.type} is given more than once`);
    seen.add(k);
    if (rrset.records.length > 0) typesAt.set(name, (typesAt.get(name) ?? new Set()).add(rrset.type));
    if (!capabilities.types.has(rrset.type)) add("unsupported_type", `${rrset.type} records are not supported by this DNS backend`);
    if (rrset.ttl < capabilities.minTtl) add("ttl_below_minimum", `TTL ${rrset.ttl} is below this DNS backend's minimum of ${capabilities.minTtl} seconds`);
    if (rrset.type === "CNAME" && rrset.records.length > 1) add("cname_multiple_records", `${name} can have only one CNAME target`);
    for (const record of rrset.records) {
      try {
        canonicalRecord(rrset.type, record);
      } catch (e) {
        if (!(e instanceof RdataError)) throw e;
        add("invalid_record", e.message);
      }
    }
  }
  for (const [name, types] of typesAt) {
    if (types.has("CNAME") && types.size > 1) {
      const others = [...types].filter((t) => t !== "CNAME").sort().join(", ");
      problems.push({ name, type: "CNAME", code: "cname_and_other_data", message: `${name} has a CNAME, so it cannot also have ${others} records` });
    }
  }
  return problems;
}
