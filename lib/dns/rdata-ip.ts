// Canonical text of IP addresses in A and AAAA records.
import { isIPv4, isIPv6 } from "node:net";

// "192.0.2.1" → same; rejects leading zeros ("010.0.0.1" is octal to some parsers) and anything
// that is not four decimal octets. Returns null when invalid.
export function canonicalIPv4(input: string): string | null {
  if (!/^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/.test(input)) return null;
  return isIPv4(input) ? input : null;
}

// Parse an IPv6 address into its eight 16-bit words, or null when invalid (zone ids included).
export function ipv6Words(input: string): number[] | null {
  if (!isIPv6(input) || input.includes("%")) return null;
  let text = input.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const octets = v4[1]!.split(".").map(Number);
    const hex = `${((octets[0]! << 8) | octets[1]!).toString(16)}:${((octets[2]! << 8) | octets[3]!).toString(16)}`;
    text = text.slice(0, v4.index) + hex;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const headWords = head ? head.split(":") : [];
  const tailWords = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - headWords.length - tailWords.length).fill("0");
  const words = [...headWords, ...fill, ...tailWords].map((w) => parseInt(w, 16));
  return words.length === 8 && words.every((w) => w >= 0 && w <= 0xffff) ? words : null;
}

// RFC 5952 text, exactly as inet_ntop prints it (so dig, BIND and PowerDNS agree): lower-case,
// no leading zeros, the longest run (first on ties) of two or more zero words as "::", and
// IPv4-mapped/compatible addresses with a dotted quad tail (unless `dottedTail` is false: PowerDNS
// prints "::ffff:192.0.2.1" but only accepts "::ffff:c000:201").
export function formatIPv6(words: number[], dottedTail = true): string {
  let best = { base: -1, len: 0 };
  let cur = { base: -1, len: 0 };
  words.forEach((w, i) => {
    if (w === 0) {
      cur = cur.base === -1 ? { base: i, len: 1 } : { base: cur.base, len: cur.len + 1 };
      if (cur.len > best.len) best = cur;
    } else cur = { base: -1, len: 0 };
  });
  if (best.len < 2) best = { base: -1, len: 0 };
  let out = "";
  for (let i = 0; i < 8; i++) {
    if (best.base !== -1 && i >= best.base && i < best.base + best.len) {
      if (i === best.base) out += ":";
      continue;
    }
    if (i !== 0) out += ":";
    if (dottedTail && i === 6 && best.base === 0 && (best.len === 6 || (best.len === 5 && words[5] === 0xffff))) {
      return out + [words[6]! >> 8, words[6]! & 0xff, words[7]! >> 8, words[7]! & 0xff].join(".");
    }
    out += words[i]!.toString(16);
  }
  return best.base !== -1 && best.base + best.len === 8 ? out + ":" : out;
}

// "2001:DB8:0:0::1" → "2001:db8::1"; null when invalid.
export function canonicalIPv6(input: string): string | null {
  const words = ipv6Words(input);
  return words ? formatIPv6(words) : null;
}
