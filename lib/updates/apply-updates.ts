// The one transaction of a changing update request: every host's rrsets through writeRRsets (version
// bump + outbox row + NOTIFY in the same commit). One host — the usual case — is one statement,
// hence one round trip in autocommit; several hosts share an explicit transaction. The hosts'
// lastUpdateAt is written with the request's UpdateEvents (events.ts), off the response path.
import type { Db, Tx } from "@/lib/db";
import { writeRRsets, type RRsetWrite } from "@/lib/hosts/write-rrsets";
import type { HostState } from "./load-hosts";

export type HostWrite = { host: HostState; rrsets: RRsetWrite[] };

/** Applies the writes in one transaction; returns the ids of hosts whose DNS data really changed. */
export async function applyUpdates(client: Db, writes: HostWrite[]): Promise<Set<string>> {
  const changed = new Set<string>();
  const write = async (c: Db | Tx, w: HostWrite) => {
    const r = await writeRRsets(c, { zoneId: w.host.zoneId, zoneName: w.host.zoneName, hostId: w.host.id, rrsets: w.rrsets });
    if (r.changed.length > 0) changed.add(w.host.id);
  };
  if (writes.length === 1) await write(client, writes[0]!);
  else if (writes.length > 1) await client.$transaction(async (tx) => {
    for (const w of writes) await write(tx, w);
  });
  return changed;
}
