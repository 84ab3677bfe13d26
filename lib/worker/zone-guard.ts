// Makes sure a zone exists on the provider before anything is pushed to it: once per zone per
// process, retried after a failure. Zones added while the worker runs (CLI, admin) just work.
import type { DnsProvider } from "@/lib/dns/types";

export type ZoneGuard = {
  /** The provider with ensureZone run (once) before each zone's first apply or list. */
  provider: DnsProvider;
  /** Ensures the given zones now; returns the ones that failed, with why. */
  ensure(zones: string[]): Promise<{ zone: string; error: string }[]>;
  /** Zones ensured so far. */
  ready(): string[];
};

/** guardZones — wraps `inner` so every zone is ensured before first use. */
export function guardZones(inner: DnsProvider): ZoneGuard {
  const ensured = new Map<string, Promise<void>>();
  const done = new Set<string>();
  const ensureOne = (zone: string): Promise<void> => {
    let p = ensured.get(zone);
    if (!p) {
      p = inner.ensureZone(zone).then(
        () => void done.add(zone),
        (e: unknown) => {
          ensured.delete(zone);
          throw e;
        },
      );
      ensured.set(zone, p);
    }
    return p;
  };
  const provider: DnsProvider = {
    id: inner.id,
    capabilities: inner.capabilities,
    ensureZone: ensureOne,
    async listRRsets(zone, names) {
      await ensureOne(zone);
      return inner.listRRsets(zone, names);
    },
    async apply(zone, changes) {
      if (changes.length === 0) return;
      await ensureOne(zone);
      return inner.apply(zone, changes);
    },
    close: inner.close?.bind(inner),
  };
  return {
    provider,
    async ensure(zones) {
      const results = await Promise.allSettled(zones.map(ensureOne));
      return results.flatMap((r, i) => (r.status === "rejected" ? [{ zone: zones[i]!, error: r.reason instanceof Error ? r.reason.message : String(r.reason) }] : []));
    },
    ready: () => [...done].sort(),
  };
}
