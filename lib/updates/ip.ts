// Addresses as update clients send them: one canonical text per address (the form A/AAAA records
// store), IPv4-mapped IPv6 turned into IPv4, zone ids and addresses no host can have rejected, and
// IPv6 prefix updates ("2001:db8:1::/64" replaces the network part of the current address).
import { canonicalIPv4, formatIPv6, ipv6Words } from "@/lib/dns/rdata-ip";

export type Address = { family: 4 | 6; ip: string };
export type Prefix6 = { words: number[]; bits: number };

// 0.0.0.0/8, 224.0.0.0/3 (multicast, reserved, broadcast): never a host's address.
function usableV4(ip: string): boolean {
  const first = Number(ip.slice(0, ip.indexOf(".")));
  return first !== 0 && first < 224;
}

// ::, multicast ff00::/8: never a host's address.
function usableV6(words: number[]): boolean {
  return words.some((w) => w !== 0) && words[0]! >> 8 !== 0xff;
}

/** One address in canonical form, or null when it is not a usable IPv4/IPv6 address. */
export function parseAddress(raw: string): Address | null {
  const text = raw.trim();
  if (text.length === 0 || text.length > 64) return null;
  const v4 = canonicalIPv4(text);
  if (v4) return usableV4(v4) ? { family: 4, ip: v4 } : null;
  const words = ipv6Words(text);
  if (!words) return null;
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff) {
    const ip = [words[6]! >> 8, words[6]! & 0xff, words[7]! >> 8, words[7]! & 0xff].join(".");
    return usableV4(ip) ? { family: 4, ip } : null;
  }
  return usableV6(words) ? { family: 6, ip: formatIPv6(words) } : null;
}

/** "2001:db8:1::/64" → its words and length; null when not an IPv6 prefix. */
export function parsePrefix6(raw: string): Prefix6 | null {
  const m = /^([0-9a-fA-F:.]{2,45})\/(\d{1,3})$/.exec(raw.trim());
  if (!m) return null;
  const words = ipv6Words(m[1]!);
  const bits = Number(m[2]);
  return words && bits <= 128 ? { words, bits } : null;
}

/** The network part of `prefix` joined with the interface part of `current` (or the prefix alone). */
export function applyPrefix(prefix: Prefix6, current: string | undefined): string | null {
  const host = current ? ipv6Words(current) : null;
  const out = prefix.words.map((w, i) => {
    const netBits = Math.max(0, Math.min(16, prefix.bits - i * 16));
    const mask = netBits === 0 ? 0 : (0xffff << (16 - netBits)) & 0xffff;
    return (w & mask) | ((host?.[i] ?? 0) & ~mask & 0xffff);
  });
  return usableV6(out) ? formatIPv6(out) : null;
}
