// Canonical presentation-format RDATA (the form stored in RRset.records) and its conversion to and
// from dns-packet answer data, so every provider and the embedded server agree byte for byte.
import { domainToASCII } from "node:url";
import { canonicalIPv4, canonicalIPv6 } from "./rdata-ip";
import { chunkBytes, parseOneQuoted, parseQuotedStrings, quoteBytes, TextSyntaxError } from "./rdata-text";
import type { RRset, RRType } from "./types";


/** A record value that cannot be used; `message` is fit to show in a form next to the field. */
export class RdataError extends Error {
  readonly code = "invalid_rdata";
  constructor(
    readonly type: string,
    readonly input: string,
    readonly reason: string,
  ) {
    super(`Invalid ${type} value "${input.length > 60 ? input.slice(0, 57) + "..." : input}": ${reason}`);
    this.name = "RdataError";
  }
}

export type Soa = {
  mname: string;
  rname: string;
  serial: number;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
};

const MAX_RDATA = 65535;

// Canonicalise one record value of `type`; throws RdataError on invalid input.
export function canonicalRecord(type: RRType, value: string): string {
  const input = value.trim();
  const fail = (reason: string): never => {
    throw new RdataError(type, value, reason);
  };
  if (input === "") fail(type === "TXT" ? 'the value is empty (write "" for an empty string)' : "the value is empty");
  switch (type) {
    case "A":
      return canonicalIPv4(input) ?? fail("expected an IPv4 address like 192.0.2.1");
    case "AAAA":
      return canonicalIPv6(input) ?? fail("expected an IPv6 address like 2001:db8::1");
    case "CNAME":
    case "NS":
      return canonicalName(input, false) ?? fail("expected a domain name like host.example.com.");
    case "MX": {
      const [pref, target, ...rest] = input.split(/\s+/);
      if (rest.length || target === undefined) fail('expected "preference target", e.g. "10 mx.example.com."');
      const p = parseUint(pref!, 0xffff) ?? fail("the preference must be a number from 0 to 65535");
      return `${p} ${canonicalName(target!, true) ?? fail(`"${target}" is not a valid mail server name`)}`;
    }
    case "SRV": {
      const parts = input.split(/\s+/);
      if (parts.length !== 4) fail('expected "priority weight port target", e.g. "10 5 5060 sip.example.com."');
      const nums = parts.slice(0, 3).map((n) => parseUint(n, 0xffff) ?? fail("priority, weight and port must be numbers from 0 to 65535"));
      return `${nums.join(" ")} ${canonicalName(parts[3]!, true) ?? fail(`"${parts[3]}" is not a valid target name`)}`;
    }
    case "CAA":
      return canonicalCaa(input, fail);
    case "TXT":
      return canonicalTxt(input, fail);
    case "SOA":
      return formatSoa(parseSoaWith(input, fail));
  }
  return fail("unsupported record type");
}

// Canonicalise an rrset: lower-case name without trailing dot, records canonical, sorted, deduplicated.
export function canonicalRRset(rrset: RRset): RRset {
  if (!Number.isInteger(rrset.ttl) || rrset.ttl < 0 || rrset.ttl > 0x7fffffff) {
    throw new RdataError(rrset.type, String(rrset.ttl), "the TTL must be a whole number of seconds");
  }
  const records = [...new Set(rrset.records.map((r) => canonicalRecord(rrset.type, r)))].sort();
  return { name: rrset.name.toLowerCase().replace(/\.$/, ""), type: rrset.type, ttl: rrset.ttl, records };
}

// Parse a SOA record "mname rname serial refresh retry expire minimum".
export function parseSoa(value: string): Soa {
  return parseSoaWith(value.trim(), (reason) => {
    throw new RdataError("SOA", value, reason);
  });
}

// Canonical SOA text.
export function formatSoa(soa: Soa): string {
  return `${soa.mname} ${soa.rname} ${soa.serial} ${soa.refresh} ${soa.retry} ${soa.expire} ${soa.minimum}`;
}

function parseSoaWith(input: string, fail: (reason: string) => never): Soa {
  const parts = input.split(/\s+/);
  if (parts.length !== 7) fail('expected "mname rname serial refresh retry expire minimum"');
  const mname = canonicalName(parts[0]!, false) ?? fail(`"${parts[0]}" is not a valid name server name`);
  const rname = canonicalName(parts[1]!, false, true) ?? fail(`"${parts[1]}" is not a valid mailbox name`);
  const [serial, refresh, retry, expire, minimum] = parts
    .slice(2)
    .map((n) => parseUint(n, 0xffffffff) ?? fail("SOA timers and serial must be numbers from 0 to 4294967295"));
  return { mname, rname, serial: serial!, refresh: refresh!, retry: retry!, expire: expire!, minimum: minimum! };
}

// An absolute domain name in RDATA: lower-case, IDN to punycode, trailing dot; "." only when allowed.
// Letters, digits, hyphens and underscores; labels 1..63 octets; at most 253 octets.
export function canonicalName(input: string, allowRoot: boolean, mailbox = false): string | null {
  let name = input.trim().toLowerCase();
  if (name === ".") return allowRoot ? "." : null;
  name = name.replace(/\.$/, "");
  if (!/^[\x00-\x7f]*$/.test(name)) name = domainToASCII(name);
  if (!name || name.length > 253) return null;
  const labels = mailbox ? name.split(/(?<!\\)\./) : name.split(".");
  const ok = labels.every((label, i) => {
    const plain = mailbox && i === 0 ? label.replace(/\\\./g, ".") : label;
    return plain.length >= 1 && plain.length <= 63 && (mailbox && i === 0 ? /^[^\s\\"]+$/ : /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?$/).test(plain);
  });
  return ok ? name + "." : null;
}

function parseUint(text: string, max: number): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const n = Number(text);
  return n <= max ? n : null;
}

// TXT: a value starting with `"` is presentation format (each string ≤255 bytes); anything else is
// literal text, split into 255-byte strings. Output is always quoted strings joined by one space.
function canonicalTxt(input: string, fail: (reason: string) => never): string {
  let strings: Buffer[];
  if (input.startsWith('"')) {
    try {
      strings = parseQuotedStrings(input);
    } catch (e) {
      return fail(e instanceof TextSyntaxError ? e.message : String(e));
    }
    if (strings.some((s) => s.length > 255)) fail("each quoted string can hold at most 255 bytes");
  } else {
    strings = chunkBytes(Buffer.from(input, "utf8"));
  }
  if (strings.reduce((n, s) => n + s.length + 1, 0) > MAX_RDATA) fail("the text is longer than 65535 bytes");
  return strings.map(quoteBytes).join(" ");
}

// CAA: `flags tag value` with value quoted or bare; printable ASCII only (RFC 8659 values are ASCII).
function canonicalCaa(input: string, fail: (reason: string) => never): string {
  const m = /^(\d{1,3})\s+([A-Za-z0-9]{1,15})\s+(.*)$/s.exec(input);
  if (!m) fail('expected "flags tag value", e.g. 0 issue "letsencrypt.org"');
  const flags = parseUint(m![1]!, 255) ?? fail("the flags must be a number from 0 to 255");
  let value: Buffer;
  if (m![3]!.startsWith('"')) {
    try {
      const [bytes, end] = parseOneQuoted(m![3]!, 0);
      if (m![3]!.slice(end).trim() !== "") fail("unexpected text after the quoted value");
      value = bytes;
    } catch (e) {
      if (e instanceof RdataError) throw e;
      return fail(e instanceof TextSyntaxError ? e.message : String(e));
    }
  } else value = Buffer.from(m![3]!, "utf8");
  if (value.some((b) => b < 0x20 || b > 0x7e)) fail("the value must be printable ASCII");
  return `${flags} ${m![2]!.toLowerCase()} ${quoteBytes(value)}`;
}
