// Client-safe checks of record values as the user types them, with the messages of
// lib/dns/rdata.ts canonicalRecord (which stays the authority on the server: TXT quoting, CAA and
// SRV syntax and IDN targets are only checked there).

/** Record types a user may set on their host (SOA and NS belong to the zone). */
export const SETTABLE_RECORD_TYPES = ["A", "AAAA", "TXT", "MX", "CNAME", "CAA", "SRV"] as const;
export type SettableType = (typeof SETTABLE_RECORD_TYPES)[number];

/** Names inside a host a user may set records at: the host itself, its wildcard, its ACME challenge (TXT only). */
export const RECORD_NAMES = ["@", "*", "_acme-challenge"] as const;
export type RecordName = (typeof RECORD_NAMES)[number];
export const RECORD_NAME_MESSAGE = 'The name must be "@" (the host itself), "*" (its wildcard) or "_acme-challenge".';

/** The DNS name of `name` under the host `fqdn` ("@" → fqdn, "*" → *.fqdn). */
export function recordOwner(name: RecordName, fqdn: string): string {
  return name === "@" ? fqdn : `${name}.${fqdn}`;
}

/** The record name of the DNS name `owner` under `fqdn`, or null when it is none of RECORD_NAMES. */
export function recordNameOf(owner: string, fqdn: string): RecordName | null {
  return RECORD_NAMES.find((n) => recordOwner(n, fqdn) === owner) ?? null;
}

const IPV4 = /^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/;
const NAME = /^(?=.{1,253}\.?$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.?$/i;

/** True for a dotted-quad IPv4 address without leading zeros. */
export function isIPv4Text(v: string): boolean {
  return IPV4.test(v) && v.split(".").every((o) => Number(o) <= 255);
}

/** True for an IPv6 address (no zone id), as the URL parser reads one. */
export function isIPv6Text(v: string): boolean {
  if (!v.includes(":") || /[%\s[\]/]/.test(v)) return false;
  try {
    return new URL(`http://[${v}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

const invalid = (type: string, v: string, reason: string) => `Invalid ${type} value "${v.length > 60 ? v.slice(0, 57) + "..." : v}": ${reason}`;

/** The problem with one value of `type`, or null when the browser sees none. */
export function recordValueProblem(type: SettableType, value: string): string | null {
  const v = value.trim();
  if (v === "") return invalid(type, value, "the value is empty");
  switch (type) {
    case "A":
      return isIPv4Text(v) ? null : invalid(type, value, "expected an IPv4 address like 192.0.2.1");
    case "AAAA":
      return isIPv6Text(v) ? null : invalid(type, value, "expected an IPv6 address like 2001:db8::1");
    case "CNAME":
      return /^[\x00-\x7f]*$/.test(v) && !NAME.test(v) ? invalid(type, value, "expected a domain name like host.example.com.") : null;
    case "MX": {
      const [pref, target, ...rest] = v.split(/\s+/);
      if (rest.length || target === undefined) return invalid(type, value, 'expected "preference target", e.g. "10 mx.example.com."');
      return /^\d{1,5}$/.test(pref!) && Number(pref) <= 65535 ? null : invalid(type, value, "the preference must be a number from 0 to 65535");
    }
    default:
      return null;
  }
}
