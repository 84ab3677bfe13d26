// Where webhooks may point. Unless WEBHOOK_ALLOW_PRIVATE is on, only public addresses: a
// webhook must not become a way to reach our own network (checked at creation for literal
// addresses, and again for every resolved address at connect time, so DNS tricks do not help).
import dns from "node:dns";
import net from "node:net";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const blocked = new net.BlockList();
for (const [a, n] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(a, n, "ipv4");
for (const [a, n] of [["::", 127], ["::ffff:0:0", 96], ["64:ff9b::", 96], ["100::", 64], ["2001:db8::", 32], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) {
  blocked.addSubnet(a, n, "ipv6");
}

/** True for addresses on the public Internet (not loopback, private, link-local, documentation…). */
export function isPublicAddress(ip: string): boolean {
  if (net.isIPv4(ip)) return !blocked.check(ip, "ipv4");
  if (net.isIPv6(ip)) return !blocked.check(ip, "ipv6");
  return false;
}

/** The canonical URL of a webhook endpoint; VALIDATION on field "url" otherwise. */
export function checkWebhookUrl(input: string): string {
  const bad = (why: string) => new AppError("VALIDATION", why, { field: "url" });
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw bad("Enter a full URL, like https://example.com/hooks/dynhost.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw bad("Webhook URLs must start with https:// or http://.");
  if (url.username || url.password) throw bad("Webhook URLs cannot contain a user name or password.");
  if (url.href.length > 2000) throw bad("Webhook URLs are at most 2 000 characters.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!env().WEBHOOK_ALLOW_PRIVATE && (host === "localhost" || host.endsWith(".localhost") || (net.isIP(host) && !isPublicAddress(host)))) {
    throw bad("Webhook URLs must point to a public address.");
  }
  return url.href;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A dns.lookup for http.request that refuses non-public addresses (unless WEBHOOK_ALLOW_PRIVATE). */
export function safeLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "");
    const allowed = env().WEBHOOK_ALLOW_PRIVATE ? addresses : addresses.filter((a) => isPublicAddress(a.address));
    if (allowed.length === 0) {
      const e: NodeJS.ErrnoException = new Error(`${hostname} does not resolve to a public address`);
      e.code = "ENOTPUBLIC";
      return callback(e, "");
    }
    if (options.all) return callback(null, allowed);
    return callback(null, allowed[0]!.address, allowed[0]!.family);
  });
}
