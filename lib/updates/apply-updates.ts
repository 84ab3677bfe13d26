// The one write of a changing update request: every host's rrsets through writeManyRRsets (version
// bump + outbox row + NOTIFY in the same commit): one statement in autocommit, one round trip,
// however many hosts the request names. The hosts' lastUpdateAt is written with the request's
// UpdateEvents (events.ts), off the response path.
import type { Db } from "@/lib/db";
import { writeManyRRsets, type RRsetWrite } from "@/lib/dns/outbox/write-rrsets";
import type { HostState } from "@/lib/updates/load-hosts";

export type HostWrite = { host: HostState; rrsets: RRsetWrite[] };

/** Applies the writes in one statement; returns the ids of hosts whose DNS data really changed. */
export async function applyUpdates(client: Db, writes: HostWrite[]): Promise<Set<string>> {
  const { changed } = await writeManyRRsets(
    client,
    writes.map((w) => ({ zoneId: w.host.zoneId, zoneName: w.host.zoneName, hostId: w.host.id, rrsets: w.rrsets })),
  );
  const byName = new Map<string, string>();
  for (const w of writes) for (const r of w.rrsets) byName.set(`${r.name}\u0000${r.type}`, w.host.id);
  return new Set(changed.map((c) => byName.get(`${c.name}\u0000${c.type}`)!));
}
