// Builds reply messages: header, the question copied byte for byte, the resolved sections with
// owner names compressed against the question, the EDNS0 OPT record, and TC when over the limit.
import type { Placed, Resolution } from "./resolve";
import { MAX_UDP_PAYLOAD, type Query } from "./wire";

const QR = 0x8000;
const AA = 0x0400;
const TC = 0x0200;
/** Query bits a reply copies: opcode, RD, CD. */
const COPIED = 0x7800 | 0x0100 | 0x0010;

// The reply to `q` (ID left 0), truncated with TC when it exceeds `limit` bytes.
export function buildResponse(q: Query, qname: string, res: Resolution, limit: number): Buffer {
  const question = q.msg.subarray(12, q.questionEnd);
  const suffixes = suffixOffsets(q.msg, qname);
  const parts: Buffer[] = [];
  const counts = [res.answer, res.authority, res.additional].map((section) => {
    for (const placed of section) writeRRset(parts, placed, suffixes);
    return section.reduce((n, p) => n + p.entry.rdata.length, 0);
  });
  const opt = q.edns ? optRecord(q, 0) : null;
  const flags = QR | (q.flags & COPIED) | (res.aa ? AA : 0) | res.rcode;
  const body = parts.reduce((n, b) => n + b.length, 0);
  if (12 + question.length + body + (opt?.length ?? 0) > limit) {
    return Buffer.concat([header(flags | TC, 0, 0, opt ? 1 : 0), question, ...(opt ? [opt] : [])]);
  }
  return Buffer.concat([
    header(flags, counts[0]!, counts[1]!, counts[2]! + (opt ? 1 : 0)),
    question,
    ...parts,
    ...(opt ? [opt] : []),
  ]);
}

// Reply to a query whose EDNS version we do not speak (RFC 6891 §6.1.3: BADVERS = 16).
export function badVersionResponse(q: Query): Buffer {
  const question = q.msg.subarray(12, q.questionEnd);
  return Buffer.concat([header(QR | (q.flags & COPIED), 0, 0, 1), question, optRecord(q, 1)]);
}

// A header-only error reply (FORMERR, NOTIMP…) carrying the query's ID.
export function errorResponse(msg: Buffer, rcode: number): Buffer {
  const out = header(QR | (msg.readUInt16BE(2) & COPIED) | rcode, 0, 0, 0, 0);
  out.writeUInt16BE(msg.readUInt16BE(0), 0);
  return out;
}

function header(flags: number, an: number, ns: number, ar: number, qd = 1): Buffer {
  const h = Buffer.alloc(12);
  h.writeUInt16BE(flags, 2);
  h.writeUInt16BE(qd, 4);
  h.writeUInt16BE(an, 6);
  h.writeUInt16BE(ns, 8);
  h.writeUInt16BE(ar, 10);
  return h;
}

function optRecord(q: Query, extendedRcode: number): Buffer {
  const opt = Buffer.alloc(11);
  opt.writeUInt16BE(41, 1);
  opt.writeUInt16BE(MAX_UDP_PAYLOAD, 3);
  opt[5] = extendedRcode;
  opt.writeUInt16BE(q.edns?.dnssecOk ? 0x8000 : 0, 7);
  return opt;
}

function writeRRset(parts: Buffer[], placed: Placed, suffixes: Map<string, number>): void {
  const owner = encodeOwner(placed.owner, suffixes);
  const fixed = Buffer.alloc(8);
  fixed.writeUInt16BE(placed.entry.code, 0);
  fixed.writeUInt16BE(1, 2);
  fixed.writeUInt32BE(placed.entry.ttl, 4);
  for (const rdata of placed.entry.rdata) parts.push(owner, fixed, rdata);
}

// Owner name bytes: a pointer to the question name, or labels ending in a pointer to a suffix of it.
function encodeOwner(owner: string | null, suffixes: Map<string, number>): Buffer {
  if (owner === null) return Buffer.from([0xc0, 12]);
  const labels = owner === "" ? [] : owner.split(".");
  const out: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const at = suffixes.get(labels.slice(i).join("."));
    if (at !== undefined) return Buffer.from([...out, 0xc0 | (at >> 8), at & 0xff]);
    const bytes = Buffer.from(labels[i]!, "latin1");
    out.push(bytes.length, ...bytes);
  }
  out.push(0);
  return Buffer.from(out);
}

// Offsets (in the reply, equal to the query's) of each suffix of the question name.
function suffixOffsets(msg: Buffer, qname: string): Map<string, number> {
  const map = new Map<string, number>();
  const labels = qname === "" ? [] : qname.split(".");
  let pos = 12;
  for (let i = 0; i < labels.length; i++) {
    map.set(labels.slice(i).join("."), pos);
    pos += msg[pos]! + 1;
  }
  return map;
}
