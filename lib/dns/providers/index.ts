// The configured DNS provider, built from the validated environment (lib/env.ts). Providers never
// read env themselves (DESIGN.md §1); this factory is the one place that turns settings into one.
import { env, type Env } from "@/lib/env";
import { SINKHOLE_TTL, type Sinkhole } from "../publish";
import type { DnsProvider } from "../types";
import { createEmbeddedProvider } from "./embedded";
import { createPowerDnsProvider } from "./powerdns";
import { createRfc2136Provider } from "./rfc2136";

/** Settings are wrong or missing; the message names the variable to set. */
export class ProviderConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProviderConfigError";
  }
}

/** providerFromEnv — the provider DNS_PROVIDER selects (embedded | powerdns | rfc2136). */
export function providerFromEnv(e: Env = env()): DnsProvider {
  switch (e.DNS_PROVIDER) {
    case "embedded": {
      if (!e.DNS_CONTROL_KEY) throw new ProviderConfigError("DNS_CONTROL_KEY is not set (the supervisor passes it to the worker; set it when running the worker alone)");
      return createEmbeddedProvider({ controlUrl: `http://127.0.0.1:${e.DNS_CONTROL_PORT}`, controlKey: e.DNS_CONTROL_KEY });
    }
    case "powerdns": {
      if (!e.PDNS_API_KEY) throw new ProviderConfigError("PDNS_API_KEY is not set (DNS_PROVIDER=powerdns needs the PowerDNS API key)");
      return createPowerDnsProvider({ apiUrl: e.PDNS_API_URL, apiKey: e.PDNS_API_KEY, serverId: e.PDNS_SERVER_ID, nameservers: e.DNS_NAMESERVERS });
    }
    case "rfc2136": {
      if (!e.RFC2136_TSIG_NAME || !e.RFC2136_TSIG_SECRET) {
        throw new ProviderConfigError("RFC2136_TSIG_NAME and RFC2136_TSIG_SECRET must be set (DNS_PROVIDER=rfc2136 signs updates with TSIG)");
      }
      return createRfc2136Provider({
        server: { host: e.RFC2136_SERVER, port: e.RFC2136_PORT },
        tsig: { name: e.RFC2136_TSIG_NAME, algorithm: e.RFC2136_TSIG_ALGORITHM, secret: e.RFC2136_TSIG_SECRET },
      });
    }
  }
}

/** ensureZones — makes every zone exist on the provider (idempotent); returns the zones that failed with why. */
export async function ensureZones(provider: DnsProvider, zones: string[]): Promise<{ zone: string; error: Error }[]> {
  const failures: { zone: string; error: Error }[] = [];
  for (const zone of zones) {
    try {
      await provider.ensureZone(zone);
    } catch (e) {
      failures.push({ zone, error: e instanceof Error ? e : new Error(String(e)) });
    }
  }
  return failures;
}

/** sinkholeFromEnv — where SINKHOLED hosts point (SINKHOLE_IPV4 / SINKHOLE_IPV6). */
export function sinkholeFromEnv(e: Env = env()): Sinkhole {
  return { ipv4: e.SINKHOLE_IPV4, ipv6: e.SINKHOLE_IPV6, ttl: SINKHOLE_TTL };
}
