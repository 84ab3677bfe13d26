// The caller's address. X-Forwarded-For / X-Real-IP are honoured only when the connection comes
// from a configured trusted proxy (TRUSTED_PROXIES: addresses or CIDRs), everywhere in the app:
// the server entry computes it once and hands it to Next.js in CLIENT_IP_HEADER.
import net from "node:net";

/** Internal header set by lib/server for Next.js; any copy sent by a client is overwritten. */
export const CLIENT_IP_HEADER = "x-dynhost-client-ip";

/** Strips the IPv4-mapped IPv6 prefix and any zone id (fe80::1%eth0). */
export function normalizeIp(ip: string): string {
  let s = ip.trim();
  if (s.startsWith("[") && s.endsWith("]")) s = s.slice(1, -1);
  const pct = s.indexOf("%");
  if (pct >= 0) s = s.slice(0, pct);
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(s)) s = s.slice(7);
  return s.toLowerCase();
}

export type TrustList = net.BlockList;

/** Builds the trusted-proxy list from "127.0.0.1,10.0.0.0/8,::1". Throws on a bad entry. */
export function trustList(entries: string[]): TrustList {
  const list = new net.BlockList();
  for (const raw of entries) {
    const [addr, bits] = raw.split("/");
    const family = net.isIPv6(addr) ? "ipv6" : net.isIPv4(addr) ? "ipv4" : undefined;
    if (!family) throw new Error(`TRUSTED_PROXIES: not an address or CIDR: ${raw}`);
    if (bits === undefined) list.addAddress(addr, family);
    else list.addSubnet(addr, Number(bits), family);
  }
  return list;
}

function trusted(list: TrustList, ip: string): boolean {
  const family = net.isIPv6(ip) ? "ipv6" : net.isIPv4(ip) ? "ipv4" : undefined;
  return family !== undefined && list.check(ip, family);
}

/**
 * The client address for a connection from `remote`. Walks X-Forwarded-For from the right,
 * skipping trusted proxies, so a client cannot spoof its address by sending the header itself.
 */
export function clientIp(
  remote: string | undefined,
  headers: { xForwardedFor?: string | null; xRealIp?: string | null },
  list: TrustList,
): string {
  let ip = normalizeIp(remote ?? "");
  if (!ip || !trusted(list, ip)) return ip || "0.0.0.0";
  const chain = (headers.xForwardedFor ?? "").split(",").map((s) => normalizeIp(s)).filter(Boolean);
  if (chain.length === 0 && headers.xRealIp) {
    const real = normalizeIp(headers.xRealIp);
    return net.isIP(real) ? real : ip;
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    if (!net.isIP(chain[i])) break;
    ip = chain[i];
    if (!trusted(list, ip)) break;
  }
  return ip;
}
