// RDATA wire encoding for the embedded server: canonical text → dns-packet data (lib/dns/rdata.ts)
// → bytes with their RDLENGTH prefix, computed once per change and reused by every answer.
import dnsPacket from "dns-packet";
import { toWire } from "../rdata-wire";
import type { RRType } from "../types";

export const TYPE_CODE: Record<RRType, number> = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
  CAA: 257,
};
export const TYPE_BY_CODE = new Map<number, RRType>(Object.entries(TYPE_CODE).map(([t, c]) => [c, t as RRType]));

type Codec = { encode(data: unknown): Buffer };
const codecs = dnsPacket as unknown as Record<string, Codec>;

/** An rrset ready to be written into answers. `rdata` items start with their 2-byte RDLENGTH. */
export type Entry = {
  type: RRType;
  code: number;
  ttl: number;
  records: string[];
  rdata: Buffer[];
};

// Encode one rrset's records (already canonical); throws RdataError/Error on unusable data.
export function makeEntry(type: RRType, ttl: number, records: string[]): Entry {
  const codec = codecs[type.toLowerCase()]!;
  const rdata = records.map((r) => codec.encode(toWire(type, r)));
  return { type, code: TYPE_CODE[type], ttl, records, rdata };
}

/** The same rrset with another TTL (negative answers carry the SOA with TTL = min(TTL, minimum)). */
export function withTtl(entry: Entry, ttl: number): Entry {
  return { ...entry, ttl };
}
