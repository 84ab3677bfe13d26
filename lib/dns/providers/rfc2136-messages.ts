// Wire messages of the RFC 2136 provider: the SOA probe, the AXFR request, UPDATE messages built
// from a plan (delete-rrset, then add each record: REPLACE semantics), and AXFR answers read back
// into canonical rrsets. Messages are built unsigned; the provider signs them with TSIG.
import { randomInt } from "node:crypto";
import packet, { type Answer } from "dns-packet";
import { fromWire, toWire } from "../rdata-wire";
import { RR_TYPES, type Change, type RRset, type RRType } from "../types";
import { encodeName, walkMessage } from "../wire-walk";

const TYPE_CODES: Record<RRType, number> = { A: 1, NS: 2, CNAME: 5, SOA: 6, MX: 15, TXT: 16, AAAA: 28, SRV: 33, CAA: 257 };
const TYPE_NAMES = new Map<number, RRType>(RR_TYPES.map((t) => [TYPE_CODES[t], t]));
const OPCODE_UPDATE = 5 << 11;
const CLASS_IN = 1;
const CLASS_ANY = 255;

// dns-packet's per-record codec exists at runtime but is missing from its type declarations.
const codec = packet as unknown as {
  answer: { encode(a: Answer): Buffer; decode(buf: Buffer, offset: number): Answer & { data: unknown } };
};

/** Limits for splitting a plan into UPDATE messages. */
export type UpdateLimits = { maxBytes: number; maxChanges: number };

/** A plan the provider refuses before sending anything: out-of-zone names, backend-owned rrsets, oversize. */
export class UnsendableChangeError extends Error {}

const newId = () => randomInt(0, 0x10000);

// A query for (name, type); used for the SOA probe and the AXFR request.
export function buildQuery(name: string, type: "SOA" | "AXFR"): Buffer {
  return packet.encode({ id: newId(), type: "query", questions: [{ name, type, class: "IN" }] });
}

// The RRs one change contributes to the update section, in order.
export function changeRecords(change: Change): Buffer[] {
  const out: Buffer[] = [];
  const before = change.kind === "create" ? null : change.before;
  const after = change.kind === "delete" ? null : change.after;
  if (before && (!after || before.name !== after.name || before.type !== after.type)) out.push(deleteRRset(before));
  if (after) {
    out.push(deleteRRset(after));
    for (const record of after.records) {
      const answer = { name: after.name, type: after.type, class: "IN", ttl: after.ttl, data: toWire(after.type, record) };
      out.push(codec.answer.encode(answer as Answer));
    }
  }
  return out;
}

function deleteRRset(rrset: RRset): Buffer {
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(TYPE_CODES[rrset.type], 0);
  fixed.writeUInt16BE(CLASS_ANY, 2);
  return Buffer.concat([encodeName(rrset.name), fixed]);
}

// Split a plan into UPDATE messages, in plan order, each within the limits; a change never spans two.
export function buildUpdates(zone: string, changes: Change[], limits: UpdateLimits): Buffer[] {
  const header = packet.encode({ id: 0, type: "query", flags: OPCODE_UPDATE, questions: [{ name: zone, type: "SOA", class: "IN" }] });
  const messages: Buffer[] = [];
  let records: Buffer[] = [];
  let size = header.length;
  let count = 0;
  const flush = () => {
    if (count === 0) return;
    const msg = Buffer.concat([header, ...records]);
    msg.writeUInt16BE(newId(), 0);
    msg.writeUInt16BE(records.length, 8);
    messages.push(msg);
    records = [];
    size = header.length;
    count = 0;
  };
  for (const change of changes) {
    checkScope(zone, change);
    const rrs = changeRecords(change);
    const bytes = rrs.reduce((n, rr) => n + rr.length, 0);
    if (header.length + bytes > limits.maxBytes) {
      const rrset = change.kind === "delete" ? change.before : change.after;
      throw new UnsendableChangeError(`${rrset.name} ${rrset.type} needs ${bytes} bytes, more than one UPDATE message may carry`);
    }
    if (size + bytes > limits.maxBytes || count >= limits.maxChanges) flush();
    records.push(...rrs);
    size += bytes;
    count++;
  }
  flush();
  return messages;
}

function checkScope(zone: string, change: Change): void {
  for (const rrset of change.kind === "update" ? [change.before, change.after] : [change.kind === "create" ? change.after : change.before]) {
    if (rrset.name !== zone && !rrset.name.endsWith(`.${zone}`)) throw new UnsendableChangeError(`${rrset.name} is not inside zone ${zone}`);
    if (rrset.type === "SOA" || (rrset.type === "NS" && rrset.name === zone)) {
      throw new UnsendableChangeError(`${rrset.name} ${rrset.type} belongs to the server and is not changed through RFC 2136`);
    }
  }
}

/** One record from an AXFR answer; `type` is null for types the provider does not manage. */
export type XfrRecord = { name: string; type: RRType | null; ttl: number; value: string | null };

// The records of one (unsigned) AXFR answer message, RDATA in canonical presentation form.
export function readXfrRecords(message: Buffer): XfrRecord[] {
  return walkMessage(message)
    .records.filter((r) => r.section === "answer" && r.klass === CLASS_IN)
    .map((r) => {
      const type = TYPE_NAMES.get(r.type) ?? null;
      const value = type ? fromWire(type, codec.answer.decode(message, r.start).data) : null;
      return { name: r.name, type, ttl: r.ttl, value };
    });
}

// Group AXFR records into canonical rrsets, leaving out SOA, the apex NS and unmanaged types.
export function toRRsets(zone: string, records: XfrRecord[], names?: string[]): RRset[] {
  const wanted = names ? new Set(names.map((n) => n.toLowerCase().replace(/\.$/, ""))) : null;
  const sets = new Map<string, RRset>();
  for (const r of records) {
    if (!r.type || r.value === null || r.type === "SOA" || (r.type === "NS" && r.name === zone)) continue;
    if (wanted && !wanted.has(r.name)) continue;
    const key = `${r.name}\u0000${r.type}`;
    const set = sets.get(key);
    if (!set) sets.set(key, { name: r.name, type: r.type, ttl: r.ttl, records: [r.value] });
    else {
      set.ttl = Math.min(set.ttl, r.ttl);
      if (!set.records.includes(r.value)) set.records.push(r.value);
    }
  }
  const out = [...sets.values()].map((s) => ({ ...s, records: [...s.records].sort() }));
  return out.sort((a, b) => (a.name === b.name ? a.type.localeCompare(b.type) : a.name < b.name ? -1 : 1));
}
