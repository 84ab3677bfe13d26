// Registers a hostname for a user: a valid, unreserved label under a zone that accepts
// registrations, not quarantined by a tombstone, within the owner's plan. Audited.
import { writeAudit } from "@/lib/audit/write-audit";
import { db as defaultDb, type Db } from "@/lib/db";
import { normalizeFqdn, normalizeLabel, splitFqdn, toUnicode, validateHostLabel } from "@/lib/dns/names";
import { AppError } from "@/lib/errors";
import type { Host } from "@/lib/generated/prisma/client";
import { auditActor, isPrivileged, type Actor } from "@/lib/auth/actor";

export type CreateHostArgs = {
  ownerId: string;
  actor: Actor;
  client?: Db;
} & ({ fqdn: string; zoneName?: never; label?: never } | { fqdn?: never; zoneName: string; label: string });

const isUniqueViolation = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";

// Resolve the requested name to { zone, label, fqdn }, with user-readable errors.
async function resolveName(client: Db, args: CreateHostArgs, privileged: boolean) {
  const zones = (await client.zone.findMany({ select: { name: true } })).map((z) => z.name);
  let zone: string;
  let rawLabel: string;
  if (args.fqdn !== undefined) {
    const split = splitFqdn(args.fqdn, zones);
    if (!split.ok) throw new AppError("VALIDATION", split.error.message, { field: "fqdn" });
    ({ zone, label: rawLabel } = split.value);
  } else {
    const z = normalizeFqdn(args.zoneName);
    if (!z.ok || !zones.includes(z.value)) throw new AppError("VALIDATION", `${args.zoneName} is not one of our domains.`, { field: "zone" });
    zone = z.value;
    rawLabel = args.label;
  }
  const label = validateHostLabel(rawLabel);
  if (!label.ok) {
    const plain = label.error.code === "reserved" && privileged ? normalizeLabel(rawLabel) : label;
    if (!plain.ok) throw new AppError("VALIDATION", plain.error.message, { field: args.fqdn !== undefined ? "fqdn" : "label" });
    return { zone, label: plain.value, fqdn: `${plain.value}.${zone}` };
  }
  return { zone, label: label.value, fqdn: `${label.value}.${zone}` };
}

/** createHost — creates the host (no records yet); CONFLICT "name taken", PLAN_LIMIT past the plan's maxHosts. */
export async function createHost(args: CreateHostArgs): Promise<Host> {
  const client = args.client ?? defaultDb();
  const privileged = isPrivileged(args.actor);
  const { zone: zoneName, label, fqdn } = await resolveName(client, args, privileged);
  const zone = await client.zone.findUniqueOrThrow({ where: { name: zoneName } });
  if (!zone.acceptingRegistrations && !privileged) {
    throw new AppError("VALIDATION", `${toUnicode(zoneName)} does not accept new names at the moment.`, { field: "zone" });
  }
  try {
    return await client.$transaction(async (tx) => {
      // Serialises this owner's registrations so two at once cannot both pass the plan check.
      const [owner] = await tx.$queryRawUnsafe<{ maxHosts: number }[]>(
        `SELECT p."maxHosts" FROM "User" u JOIN "Plan" p ON p."id" = u."planId" WHERE u."id" = $1::uuid FOR UPDATE OF u`,
        args.ownerId,
      );
      if (!owner) throw new AppError("NOT_FOUND", "No such user.", { field: "owner" });
      const tombstone = await tx.tombstone.findUnique({ where: { fqdn } });
      if (tombstone && tombstone.until > new Date()) throw new AppError("CONFLICT", "This name is not available.", { field: "fqdn" });
      const taken = await tx.$queryRawUnsafe<{ one: number }[]>(
        `SELECT 1 AS one FROM "Host" WHERE "fqdn" = $1
         UNION ALL SELECT 1 FROM "RRset" WHERE "name" = $1 AND "hostId" IS NULL AND cardinality("records") > 0 LIMIT 1`,
        fqdn,
      );
      if (taken.length > 0) throw new AppError("CONFLICT", "This name is already taken.", { field: "fqdn" });
      const count = await tx.host.count({ where: { ownerId: args.ownerId } });
      if (count >= owner.maxHosts && !privileged) {
        throw new AppError("PLAN_LIMIT", `Your plan allows ${owner.maxHosts} hostname${owner.maxHosts === 1 ? "" : "s"}; delete one or upgrade.`);
      }
      const host = await tx.host.create({ data: { zoneId: zone.id, label, fqdn, ownerId: args.ownerId } });
      await writeAudit(tx, {
        ...auditActor(args.actor),
        action: "host.create",
        targetType: "Host",
        targetId: host.id,
        after: { fqdn, ownerId: args.ownerId },
      });
      return host;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "This name is already taken.", { field: "fqdn" });
    throw e;
  }
}
