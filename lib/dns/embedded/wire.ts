// Reads an incoming DNS query straight from the wire, without decoding RDATA: header, the single
// question (kept as raw bytes so the reply echoes it exactly) and the EDNS0 OPT record.

export const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
export const OPCODE_QUERY = 0;
/** EDNS0 UDP payload we advertise and the most we ever send over UDP (DNS flag day 2020). */
export const MAX_UDP_PAYLOAD = 1232;

export type Edns = { udpSize: number; version: number; dnssecOk: boolean };

/** A query the server can answer. Offsets point into `msg`; the question is msg[12, questionEnd). */
export type Query = {
  msg: Buffer;
  flags: number;
  opcode: number;
  questionEnd: number;
  qtype: number;
  qclass: number;
  edns: Edns | null;
};

/** Why a message gets no regular answer: "drop" (not worth a reply) or an error rcode to send. */
export type Rejection = { reject: "drop" } | { reject: "error"; rcode: number };

const TYPE_OPT = 41;

// Parse a query; never throws on any input.
export function parseQuery(msg: Buffer): Query | Rejection {
  if (msg.length < 12) return { reject: "drop" };
  const flags = msg.readUInt16BE(2);
  if (flags & 0x8000) return { reject: "drop" };
  const opcode = (flags >> 11) & 0xf;
  if (opcode !== OPCODE_QUERY) return { reject: "error", rcode: RCODE.NOTIMP };
  if (msg.readUInt16BE(4) !== 1) return { reject: "error", rcode: RCODE.FORMERR };
  const nameEnd = skipName(msg, 12, false);
  if (nameEnd < 0 || nameEnd + 4 > msg.length) return { reject: "error", rcode: RCODE.FORMERR };
  const questionEnd = nameEnd + 4;
  const edns = readRecords(msg, questionEnd);
  if (edns === false) return { reject: "error", rcode: RCODE.FORMERR };
  return {
    msg,
    flags,
    opcode,
    questionEnd,
    qtype: msg.readUInt16BE(nameEnd),
    qclass: msg.readUInt16BE(nameEnd + 2),
    edns,
  };
}

// Offset after the name at `pos`, or -1 when malformed. Pointers are refused in the question.
function skipName(msg: Buffer, pos: number, allowPointer: boolean): number {
  let total = 0;
  while (pos < msg.length) {
    const len = msg[pos]!;
    if (len === 0) return pos + 1;
    if ((len & 0xc0) === 0xc0) return allowPointer && pos + 2 <= msg.length ? pos + 2 : -1;
    if (len & 0xc0) return -1;
    total += len + 1;
    if (total > 254) return -1;
    pos += len + 1;
  }
  return -1;
}

// Walk answer, authority and additional records; return the OPT record's settings, null when there
// is none, false when the sections are malformed (truncated record, two OPTs, OPT not at the root).
function readRecords(msg: Buffer, pos: number): Edns | null | false {
  const counts = [msg.readUInt16BE(6), msg.readUInt16BE(8), msg.readUInt16BE(10)];
  let edns: Edns | null = null;
  for (let section = 0; section < 3; section++) {
    for (let i = 0; i < counts[section]!; i++) {
      const start = pos;
      pos = skipName(msg, pos, true);
      if (pos < 0 || pos + 10 > msg.length) return false;
      const type = msg.readUInt16BE(pos);
      const rdlength = msg.readUInt16BE(pos + 8);
      if (pos + 10 + rdlength > msg.length) return false;
      if (type === TYPE_OPT) {
        if (section !== 2 || edns || msg[start] !== 0) return false;
        edns = {
          udpSize: msg.readUInt16BE(pos + 2),
          version: msg[pos + 5]!,
          dnssecOk: (msg.readUInt16BE(pos + 6) & 0x8000) !== 0,
        };
      }
      pos += 10 + rdlength;
    }
  }
  return edns;
}

// The question name in presentation form, lower-cased, without the trailing dot ("" for the root).
// Bytes outside letters, digits, "-", "_" and "*" are escaped as \DDD so they never match a stored name.
export function questionName(msg: Buffer): string {
  const labels: string[] = [];
  let pos = 12;
  for (let len = msg[pos]!; len !== 0; len = msg[pos]!) {
    let label = "";
    for (let i = pos + 1; i <= pos + len; i++) {
      const c = msg[i]!;
      const lower = c >= 0x41 && c <= 0x5a ? c + 32 : c;
      const plain = (lower >= 0x61 && lower <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c === 0x2a;
      label += plain ? String.fromCharCode(lower) : "\\" + String(c).padStart(3, "0");
    }
    labels.push(label);
    pos += len + 1;
  }
  return labels.join(".");
}

/** What the reply may hold besides the question: the UDP size limit for this client. */
export function udpLimit(edns: Edns | null): number {
  if (!edns) return 512;
  return Math.min(Math.max(edns.udpSize, 512), MAX_UDP_PAYLOAD);
}
