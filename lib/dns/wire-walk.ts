// Minimal DNS wire-format reader: walks the sections of a message and reports where each resource
// record sits, without decoding RDATA. dns-packet decodes RDATA by type and ignores RDLENGTH, which
// breaks on UPDATE messages (delete-rrset entries carry an empty RDATA); this walker never does.

export type Section = "answer" | "authority" | "additional";

/** One resource record's position in a message. `start`/`end` bound the whole RR. */
export type RecordRef = {
  section: Section;
  start: number;
  end: number;
  name: string;
  type: number;
  klass: number;
  ttl: number;
  rdataStart: number;
  rdlength: number;
};

export class WireFormatError extends Error {}

// Read a (possibly compressed) domain name; returns it lower-cased without the trailing dot.
export function readName(buf: Buffer, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  let pos = offset;
  let end = -1;
  for (let jumps = 0; ; ) {
    if (pos >= buf.length) throw new WireFormatError("name runs past the end of the message");
    const len = buf[pos];
    if (len === 0) {
      if (end < 0) end = pos + 1;
      break;
    }
    if ((len & 0xc0) === 0xc0) {
      if (pos + 1 >= buf.length || ++jumps > 64) throw new WireFormatError("bad compression pointer");
      if (end < 0) end = pos + 2;
      pos = buf.readUInt16BE(pos) & 0x3fff;
      continue;
    }
    if (len & 0xc0 || pos + 1 + len > buf.length) throw new WireFormatError("bad label");
    labels.push(buf.toString("latin1", pos + 1, pos + 1 + len).toLowerCase());
    pos += 1 + len;
  }
  return { name: labels.join("."), end };
}

// Encode a name uncompressed in canonical (lower-case) form, as TSIG MACs require.
export function encodeName(name: string): Buffer {
  const trimmed = name.replace(/\.$/, "").toLowerCase();
  const parts = trimmed === "" ? [] : trimmed.split(".");
  const out: Buffer[] = [];
  for (const label of parts) {
    const bytes = Buffer.from(label, "latin1");
    if (bytes.length === 0 || bytes.length > 63) throw new WireFormatError(`bad label in ${name}`);
    out.push(Buffer.from([bytes.length]), bytes);
  }
  out.push(Buffer.from([0]));
  return Buffer.concat(out);
}

// Walk a whole message: the offset where the question section ends and every RR after it.
export function walkMessage(buf: Buffer): { questionsEnd: number; records: RecordRef[] } {
  if (buf.length < 12) throw new WireFormatError("message shorter than its header");
  let pos = 12;
  for (let i = buf.readUInt16BE(4); i > 0; i--) pos = readName(buf, pos).end + 4;
  const questionsEnd = pos;
  const records: RecordRef[] = [];
  const counts: [Section, number][] = [
    ["answer", buf.readUInt16BE(6)],
    ["authority", buf.readUInt16BE(8)],
    ["additional", buf.readUInt16BE(10)],
  ];
  for (const [section, count] of counts) {
    for (let i = 0; i < count; i++) {
      const start = pos;
      const { name, end } = readName(buf, pos);
      if (end + 10 > buf.length) throw new WireFormatError("truncated resource record");
      const rdlength = buf.readUInt16BE(end + 8);
      const rdataStart = end + 10;
      pos = rdataStart + rdlength;
      if (pos > buf.length) throw new WireFormatError("RDATA runs past the end of the message");
      const type = buf.readUInt16BE(end);
      const klass = buf.readUInt16BE(end + 2);
      records.push({ section, start, end: pos, name, type, klass, ttl: buf.readUInt32BE(end + 4), rdataStart, rdlength });
    }
  }
  return { questionsEnd, records };
}
