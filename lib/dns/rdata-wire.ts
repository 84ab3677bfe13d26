// Conversion between canonical RDATA text and dns-packet answer `data` objects. Both the RFC 2136
// client and the embedded server go through here.
import type { CaaData, MxData, SoaData, SrvData } from "dns-packet";
import { canonicalName, canonicalRecord, formatSoa, parseSoa, RdataError } from "./rdata";
import { canonicalIPv4, canonicalIPv6 } from "./rdata-ip";
import { parseOneQuoted, parseQuotedStrings, quoteBytes } from "./rdata-text";
import type { RRType } from "./types";

/** The dns-packet `data` shape for each record type (names without the trailing dot). */
export type WireData = {
  A: string;
  AAAA: string;
  CNAME: string;
  NS: string;
  MX: MxData;
  SRV: SrvData;
  CAA: CaaData;
  TXT: Buffer[];
  SOA: SoaData;
};

const wireName = (name: string) => (name === "." ? "." : name.replace(/\.$/, ""));

// Canonicalise `value` and turn it into the dns-packet answer data for `type`.
export function toWire<T extends RRType>(type: T, value: string): WireData[T] {
  const c = canonicalRecord(type, value);
  const parts = c.split(" ");
  const data: { [K in RRType]: () => WireData[K] } = {
    A: () => c,
    AAAA: () => c,
    CNAME: () => wireName(c),
    NS: () => wireName(c),
    MX: () => ({ preference: Number(parts[0]), exchange: wireName(parts[1]!) }),
    SRV: () => ({ priority: Number(parts[0]), weight: Number(parts[1]), port: Number(parts[2]), target: wireName(parts[3]!) }),
    CAA: () => ({ flags: Number(parts[0]), tag: parts[1] as CaaData["tag"], value: parseOneQuoted(c, c.indexOf('"'))[0].toString("utf8") }),
    TXT: () => parseQuotedStrings(c),
    SOA: () => {
      const soa = parseSoa(c);
      return { ...soa, mname: wireName(soa.mname), rname: wireName(soa.rname) };
    },
  };
  return data[type]() as WireData[T];
}

// Canonical text of the dns-packet answer data of `type` (as decoded from a packet or built by toWire).
export function fromWire(type: RRType, data: unknown): string {
  const fail = (): never => {
    throw new RdataError(type, JSON.stringify(data) ?? String(data), "cannot be read as wire data of this type");
  };
  const obj = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
  const name = (v: unknown, root: boolean) => (typeof v === "string" ? canonicalName(v, root) : null) ?? fail();
  const num = (v: unknown, max: number) => (Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max ? (v as number) : fail());
  switch (type) {
    case "A":
      return (typeof data === "string" && canonicalIPv4(data)) || fail();
    case "AAAA":
      return (typeof data === "string" && canonicalIPv6(data)) || fail();
    case "CNAME":
    case "NS":
      return typeof data === "string" ? name(data, false) : fail();
    case "MX":
      return `${num(obj.preference ?? 0, 0xffff)} ${name(obj.exchange, true)}`;
    case "SRV":
      return `${num(obj.priority ?? 0, 0xffff)} ${num(obj.weight ?? 0, 0xffff)} ${num(obj.port, 0xffff)} ${name(obj.target, true)}`;
    case "CAA": {
      const value = typeof obj.value === "string" ? Buffer.from(obj.value, "utf8") : fail();
      return canonicalRecord("CAA", `${num(obj.flags ?? 0, 255)} ${String(obj.tag)} ${quoteBytes(value)}`);
    }
    case "TXT": {
      const list = Array.isArray(data) ? data : [data];
      return list.map((s) => (Buffer.isBuffer(s) ? s : typeof s === "string" ? Buffer.from(s, "utf8") : fail())).map(quoteBytes).join(" ");
    }
    case "SOA":
      return formatSoa({
        mname: name(obj.mname, false),
        rname: (typeof obj.rname === "string" ? canonicalName(obj.rname, false, true) : null) ?? fail(),
        serial: num(obj.serial ?? 0, 0xffffffff),
        refresh: num(obj.refresh ?? 0, 0xffffffff),
        retry: num(obj.retry ?? 0, 0xffffffff),
        expire: num(obj.expire ?? 0, 0xffffffff),
        minimum: num(obj.minimum ?? 0, 0xffffffff),
      });
  }
  return fail();
}
