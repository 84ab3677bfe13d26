// The one transaction of a changing update request: every host's rrsets through writeRRsets (version
// bump + outbox row + NOTIFY in the same commit) and the hosts' lastUpdateAt.
import type { Db } from "@/lib/db";
import { writeRRsets, type RRsetWrite } from "@/lib/hosts/write-rrsets";
import type { HostState } from "./load-hosts";

export type HostWrite = { host: HostState; rrsets: RRsetWrite[] };

/** Applies the writes in one transaction; returns the ids of hosts whose DNS data really changed. */
export async function applyUpdates(client: Db, writes: HostWrite[]): Promise<Set<string>> {
  const changed = new Set<string>();
  if (writes.length === 0) return changed;
  await client.$transaction(async (tx) => {
    for (const w of writes) {
      const r = await writeRRsets(tx, { zoneId: w.host.zoneId, zoneName: w.host.zoneName, hostId: w.host.id, rrsets: w.rrsets });
      if (r.changed.length > 0) changed.add(w.host.id);
    }
    if (changed.size > 0) {
      await tx.$executeRawUnsafe(`UPDATE "Host" SET "lastUpdateAt" = now(), "lastSeenAt" = now() WHERE "id" = ANY($1::uuid[])`, [...changed]);
    }
  });
  return changed;
}
