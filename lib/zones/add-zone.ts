// Zones are the shared domains users register hostnames under (e.g. dyn.test).
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { normalizeFqdn } from "@/lib/dns/names";
import { auditActor, type Actor } from "@/lib/auth/actor";

/** A zone name in canonical form (lower-case ASCII, punycode, no trailing dot) or VALIDATION. */
export function normalizeZoneName(input: string): string {
  const r = normalizeFqdn(input);
  if (!r.ok || !r.value.includes(".")) {
    const why = r.ok ? "a zone needs at least two labels" : r.error.message;
    throw new AppError("VALIDATION", `"${input}" is not a valid zone name (e.g. dyn.example): ${why}`, { field: "name" });
  }
  return r.value;
}

/** addZone — creates a shared zone; CONFLICT when it exists. Audited. */
export async function addZone(client: Db, args: { name: string; actor: Actor }) {
  const name = normalizeZoneName(args.name);
  return client.$transaction(async (tx) => {
    const existing = await tx.zone.findUnique({ where: { name } });
    if (existing) throw new AppError("CONFLICT", `zone ${name} already exists`, { field: "name" });
    const zone = await tx.zone.create({ data: { name } });
    await writeAudit(tx, {
      ...auditActor(args.actor),
      action: "zone.add",
      targetType: "Zone",
      targetId: zone.id,
      after: { name },
    });
    return zone;
  });
}

/** listZones — every zone with its host count. */
export async function listZones(client: Db) {
  const zones = await client.zone.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { hosts: true } } } });
  return zones.map((z) => ({ id: z.id, name: z.name, kind: z.kind, accepting: z.acceptingRegistrations, hosts: z._count.hosts }));
}
