// Allowed source networks of an update key ("192.0.2.0/24", "2001:db8::/32", a bare address).
import net from "node:net";
import { AppError } from "@/lib/errors";

// Canonical "addr/bits" for one entry; throws VALIDATION for anything else.
export function canonicalCidr(input: string): string {
  const [addr = "", bits, extra] = input.trim().split("/");
  const family = net.isIPv4(addr) ? 4 : net.isIPv6(addr) && !addr.includes("%") ? 6 : 0;
  const max = family === 4 ? 32 : 128;
  const n = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : -1;
  if (!family || extra !== undefined || n < 0 || n > max) {
    throw new AppError("VALIDATION", `"${input}" is not an address or network like 192.0.2.0/24 or 2001:db8::/48.`, { field: "cidr" });
  }
  return `${addr.toLowerCase()}/${n}`;
}

// A BlockList holding the given networks, or null when the list is empty (any source allowed).
export function cidrList(entries: readonly string[]): net.BlockList | null {
  if (entries.length === 0) return null;
  const list = new net.BlockList();
  for (const entry of entries) {
    const [addr, bits] = canonicalCidr(entry).split("/");
    list.addSubnet(addr!, Number(bits), net.isIPv4(addr!) ? "ipv4" : "ipv6");
  }
  return list;
}

// Whether `ip` may use a key restricted to `list` (null: no restriction).
export function cidrAllows(list: net.BlockList | null, ip: string): boolean {
  if (!list) return true;
  const family = net.isIPv4(ip) ? "ipv4" : net.isIPv6(ip) ? "ipv6" : undefined;
  return family !== undefined && list.check(ip, family);
}
