// Builds reply messages into one buffer: header, the question copied byte for byte, the resolved
// sections with owner names compressed against the question, the EDNS0 OPT record, and TC when
// the reply would exceed the limit.
import type { Placed, Resolution } from "./resolve";
import { MAX_UDP_PAYLOAD, type Query } from "./wire";

const QR = 0x8000;
const AA = 0x0400;
const TC = 0x0200;
/** Query bits a reply copies: opcode, RD, CD. */
const COPIED = 0x7800 | 0x0100 | 0x0010;
const OPT_LENGTH = 11;

/** An owner name on the wire: `labels` written out (may be ""), then a pointer (`ptr` ≥ 0) or the root. */
type Owner = { labels: string; ptr: number };

// The reply to `q` (ID left 0), truncated with TC when it exceeds `limit` bytes.
export function buildResponse(q: Query, qname: string, res: Resolution, limit: number): Buffer {
  const questionLength = q.questionEnd - 12;
  const sections = [res.answer, res.authority, res.additional];
  const owners = sections.map((s) => s.map((p) => ownerRef(p.owner, qname)));
  let body = 0;
  sections.forEach((section, i) => section.forEach((p, j) => (body += rrsetLength(p, owners[i]![j]!))));
  const opt = q.edns ? OPT_LENGTH : 0;
  const flags = QR | (q.flags & COPIED) | (res.aa ? AA : 0) | res.rcode;
  if (12 + questionLength + body + opt > limit) {
    const out = Buffer.allocUnsafe(12 + questionLength + opt);
    writeHeader(out, flags | TC, 0, 0, opt ? 1 : 0);
    q.msg.copy(out, 12, 12, q.questionEnd);
    if (opt) writeOpt(out, 12 + questionLength, q, 0);
    return out;
  }
  const out = Buffer.allocUnsafe(12 + questionLength + body + opt);
  const counts = sections.map((s) => s.reduce((n, p) => n + p.entry.rdata.length, 0));
  writeHeader(out, flags, counts[0]!, counts[1]!, counts[2]! + (opt ? 1 : 0));
  let pos = 12 + q.msg.copy(out, 12, 12, q.questionEnd);
  sections.forEach((section, i) => section.forEach((p, j) => (pos = writeRRset(out, pos, p, owners[i]![j]!))));
  if (opt) writeOpt(out, pos, q, 0);
  return out;
}

// Reply to a query whose EDNS version we do not speak (RFC 6891 §6.1.3: BADVERS = 16).
export function badVersionResponse(q: Query): Buffer {
  const out = Buffer.allocUnsafe(q.questionEnd + OPT_LENGTH);
  writeHeader(out, QR | (q.flags & COPIED), 0, 0, 1);
  q.msg.copy(out, 12, 12, q.questionEnd);
  writeOpt(out, q.questionEnd, q, 1);
  return out;
}

// A header-only error reply (FORMERR, NOTIMP…) carrying the query's ID.
export function errorResponse(msg: Buffer, rcode: number): Buffer {
  const out = Buffer.allocUnsafe(12);
  writeHeader(out, QR | (msg.readUInt16BE(2) & COPIED) | rcode, 0, 0, 0, 0);
  out.writeUInt16BE(msg.readUInt16BE(0), 0);
  return out;
}

function writeHeader(out: Buffer, flags: number, an: number, ns: number, ar: number, qd = 1): void {
  out.writeUInt16BE(0, 0);
  out.writeUInt16BE(flags, 2);
  out.writeUInt16BE(qd, 4);
  out.writeUInt16BE(an, 6);
  out.writeUInt16BE(ns, 8);
  out.writeUInt16BE(ar, 10);
}

function writeOpt(out: Buffer, pos: number, q: Query, extendedRcode: number): void {
  out[pos] = 0;
  out.writeUInt16BE(41, pos + 1);
  out.writeUInt16BE(MAX_UDP_PAYLOAD, pos + 3);
  out[pos + 5] = extendedRcode;
  out[pos + 6] = 0;
  out.writeUInt16BE(q.edns?.dnssecOk ? 0x8000 : 0, pos + 7);
  out.writeUInt16BE(0, pos + 9);
}

// Compress `owner` against the question name (at offset 12): owner names are lower-case LDH, so
// for a question without escapes a suffix at character i of `qname` sits at byte 12 + i.
function ownerRef(owner: string | null, qname: string): Owner {
  if (owner === null) return { labels: "", ptr: 12 };
  if (!qname.includes("\\")) {
    for (let i = 0; i <= owner.length; i = owner.indexOf(".", i) + 1 || owner.length + 1) {
      const suffix = owner.slice(i);
      if (suffix === "") break;
      if (qname === suffix || qname.endsWith("." + suffix)) {
        return { labels: i === 0 ? "" : owner.slice(0, i - 1), ptr: 12 + qname.length - suffix.length };
      }
    }
  }
  return { labels: owner, ptr: -1 };
}

function ownerLength(o: Owner): number {
  return (o.labels === "" ? 0 : o.labels.length + 1) + (o.ptr >= 0 ? 2 : 1);
}

function rrsetLength(p: Placed, owner: Owner): number {
  let n = 0;
  for (const rdata of p.entry.rdata) n += ownerLength(owner) + 8 + rdata.length;
  return n;
}

function writeRRset(out: Buffer, pos: number, p: Placed, owner: Owner): number {
  for (const rdata of p.entry.rdata) {
    pos = writeOwner(out, pos, owner);
    out.writeUInt16BE(p.entry.code, pos);
    out.writeUInt16BE(1, pos + 2);
    out.writeUInt32BE(p.entry.ttl, pos + 4);
    pos += 8 + rdata.copy(out, pos + 8);
  }
  return pos;
}

function writeOwner(out: Buffer, pos: number, o: Owner): number {
  if (o.labels !== "") {
    for (const label of o.labels.split(".")) {
      out[pos] = label.length;
      pos += 1 + out.write(label, pos + 1, "latin1");
    }
  }
  if (o.ptr >= 0) {
    out.writeUInt16BE(0xc000 | o.ptr, pos);
    return pos + 2;
  }
  out[pos] = 0;
  return pos + 1;
}
