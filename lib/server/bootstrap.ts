// First-start data: the shared zones (DEFAULT_ZONES, default dyn.test) when the database has none.
import type { Db } from "@/lib/db";
import { addZone } from "@/lib/zones/add-zone";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";

/** Adds DEFAULT_ZONES when no zone exists yet; returns the names added. */
export async function ensureDefaultZones(client: Db, zones: string[]): Promise<string[]> {
  if ((await client.zone.count()) > 0) return [];
  const added: string[] = [];
  for (const name of zones) added.push((await addZone(client, { name, actor: SYSTEM_ACTOR })).name);
  return added;
}
