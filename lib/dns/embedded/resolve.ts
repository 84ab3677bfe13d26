// Authoritative lookup (RFC 1034 §4.3.2, RFC 2308, RFC 4592, RFC 6604): turns a question into the
// answer/authority/additional rrsets and the rcode. Pure: reads the index, never touches the wire.
import type { Entry } from "./encode";
import { RCODE } from "./wire";
import { parent, type Node, type Zone, type ZoneIndex } from "./zone-index";

/** An rrset placed in a section; owner null = the question name exactly as the client wrote it. */
export type Placed = { owner: string | null; entry: Entry };

export type Resolution = {
  rcode: number;
  aa: boolean;
  answer: Placed[];
  authority: Placed[];
  additional: Placed[];
  /** Names whose rrsets the answer was built from (for the reply cache). */
  deps: string[];
  /** True when any change in the zone may alter the answer (see cache.ts). */
  volatile: boolean;
};

const QTYPE_ANY = 255;
/** DS lives on the parent side of a cut: asked at the cut itself, the parent answers (here: NODATA). */
const QTYPE_DS = 43;
const QTYPE_AXFR = 252;
const QTYPE_IXFR = 251;
const MAX_CHAIN = 8;

// Resolve `qname` (lower-case, no trailing dot) / `qtype`; `minimalAny` answers ANY with one rrset.
export function resolve(index: ZoneIndex, qname: string, qtype: number, minimalAny: boolean): Resolution {
  const res: Resolution = { rcode: RCODE.NOERROR, aa: true, answer: [], authority: [], additional: [], deps: [], volatile: false };
  const zone = index.findZone(qname);
  if (!zone || qtype === QTYPE_AXFR || qtype === QTYPE_IXFR) return refused();
  const seen = new Set<string>();
  let name = qname;
  for (let depth = 0; ; depth++) {
    seen.add(name);
    const next = lookup(zone, name, depth === 0 ? null : name, qtype, minimalAny, res);
    if (next === null || depth >= MAX_CHAIN || seen.has(next)) return res;
    if (index.findZone(next) !== zone) return res;
    name = next;
  }
}

/** REFUSED: not ours (or a transfer). */
export function refused(): Resolution {
  return { rcode: RCODE.REFUSED, aa: false, answer: [], authority: [], additional: [], deps: [], volatile: true };
}

// Answer one name into `res`; returns the CNAME target to follow, or null when done.
function lookup(zone: Zone, name: string, owner: string | null, qtype: number, minimalAny: boolean, res: Resolution): string | null {
  res.deps.push(name);
  if (zone.cuts > 0) {
    const cut = findCut(zone, name);
    if (cut && !(cut === name && qtype === QTYPE_DS)) {
      if (res.answer.length === 0) referral(zone, cut, res);
      res.volatile = true;
      return null;
    }
  }
  let node = zone.nodes.get(name);
  if (!node) {
    if (zone.below.has(name)) return negative(zone, res, RCODE.NOERROR);
    node = zone.nodes.get("*." + closestEncloser(zone, name));
    if (!node) return negative(zone, res, RCODE.NXDOMAIN);
    res.volatile = true;
  }
  return answerNode(zone, node, owner, qtype, minimalAny, res);
}

function answerNode(zone: Zone, node: Node, owner: string | null, qtype: number, minimalAny: boolean, res: Resolution): string | null {
  if (qtype === QTYPE_ANY) {
    const all = [...node.values()];
    for (const entry of minimalAny ? all.slice(0, 1) : all) res.answer.push({ owner, entry });
    if (node.has("SOA")) res.volatile = true;
    return null;
  }
  for (const entry of node.values()) {
    if (entry.code === qtype) {
      res.answer.push({ owner, entry });
      if (entry.type === "SOA") res.volatile = true;
      return null;
    }
  }
  const cname = node.get("CNAME");
  if (!cname) return negative(zone, res, RCODE.NOERROR);
  res.answer.push({ owner, entry: cname });
  return cname.records[0]!.replace(/\.$/, "");
}

function negative(zone: Zone, res: Resolution, rcode: number): null {
  res.rcode = rcode;
  res.volatile = true;
  res.authority.push({ owner: zone.name, entry: zone.negativeSoa });
  return null;
}

// The deepest existing ancestor of a name that does not exist (RFC 4592 §3.3.1).
function closestEncloser(zone: Zone, name: string): string {
  let n = parent(name)!;
  while (n !== zone.name && !zone.nodes.has(n) && !zone.below.has(n)) n = parent(n)!;
  return n;
}

// The highest delegation point (non-apex NS) at or above `name`, if any.
function findCut(zone: Zone, name: string): string | null {
  let cut: string | null = null;
  for (let n: string | null = name; n !== null && n !== zone.name; n = parent(n)) {
    if (zone.nodes.get(n)?.has("NS")) cut = n;
  }
  return cut;
}

function referral(zone: Zone, cut: string, res: Resolution): void {
  const ns = zone.nodes.get(cut)!.get("NS")!;
  res.aa = false;
  res.authority.push({ owner: cut, entry: ns });
  for (const target of ns.records) {
    const host = target.replace(/\.$/, "");
    if (host !== cut && !host.endsWith("." + cut)) continue;
    const glue = zone.nodes.get(host);
    for (const type of ["A", "AAAA"] as const) {
      const entry = glue?.get(type);
      if (entry) res.additional.push({ owner: host, entry });
    }
  }
}
