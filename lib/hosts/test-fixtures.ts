// Test data for the hosts and DNS-path tests: a user, a zone and hosts inserted directly, so a
// test states exactly the rows it starts from. Not used by the service itself.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import { writeRRsets, type RRsetWrite } from "@/lib/dns/outbox/write-rrsets";

/** A user on the given plan (default "plus"). */
export async function seedUser(client: Db, opts: { planId?: string; role?: "USER" | "ADMIN" | "ABUSE" | "BILLING" } = {}) {
  return client.user.create({
    data: {
      email: `u-${randomBytes(5).toString("hex")}@example.test`,
      passwordHash: "x",
      planId: opts.planId ?? "plus",
      role: opts.role ?? "USER",
    },
  });
}

/** A zone row (the DNS backend is not touched). */
export async function seedZone(client: Db, name = "dyn.test", opts: { acceptingRegistrations?: boolean } = {}) {
  return client.zone.create({ data: { name, acceptingRegistrations: opts.acceptingRegistrations ?? true } });
}

/** A host row with no records. */
export async function seedHost(
  client: Db,
  zone: { id: string; name: string },
  ownerId: string,
  label: string,
  status: "ACTIVE" | "EXPIRED" | "SUSPENDED" | "SINKHOLED" | "FROZEN" = "ACTIVE",
) {
  return client.host.create({ data: { zoneId: zone.id, label, fqdn: `${label}.${zone.name}`, ownerId, status } });
}

/** Writes rrsets through the real write path in a transaction of their own. */
export async function write(client: Db, zone: { id: string; name: string }, hostId: string | null, rrsets: RRsetWrite[]) {
  return client.$transaction((tx) => writeRRsets(tx, { zoneId: zone.id, zoneName: zone.name, hostId, rrsets }));
}
