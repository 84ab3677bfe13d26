// Sets one rrset (name, type) of a host: at the host itself ("@"), its wildcard ("*", a plan
// feature) or its ACME challenge ("_acme-challenge", TXT only). Values canonicalised (rdata.ts),
// plan limits (record types, minimum TTL), CNAME exclusivity per name, then written through
// writeRRsets. An empty value list deletes the rrset. Audited when something changed.
import { writeAudit } from "@/lib/audit/write-audit";
import { db as defaultDb, type Db } from "@/lib/db";
import { canonicalRecord, RdataError } from "@/lib/dns/rdata";
import { RR_TYPES, type RRType } from "@/lib/dns/types";
import { AppError } from "@/lib/errors";
import { RECORD_NAME_MESSAGE, RECORD_NAMES, recordOwner, type RecordName } from "@/lib/validation/record-values";
import { auditActor, isPrivileged, type Actor } from "@/lib/auth/actor";
import { getHostOrThrow } from "./get-host-or-throw";
import { writeRRsets } from "@/lib/dns/outbox/write-rrsets";

export const MAX_TTL = 86_400;
export const MAX_VALUES = 50;

export type SetRecordsArgs = {
  hostId?: string;
  fqdn?: string;
  /** "@" (default: the host), "*" (its wildcard) or "_acme-challenge". */
  name?: string;
  type: string;
  values: string[];
  ttl?: number;
  actor: Actor;
  client?: Db;
};
/** `fqdn`: the host; `owner`: the DNS name the rrset sits at. */
export type SetRecordsResult = { fqdn: string; name: RecordName; owner: string; type: RRType; ttl: number; records: string[]; changed: boolean };

const BLOCKED: Record<string, string> = {
  FROZEN: "This hostname is frozen: its records cannot be changed.",
  SUSPENDED: "This hostname is suspended: its records cannot be changed.",
  SINKHOLED: "This hostname is blocked: its records cannot be changed.",
  EXPIRED: "This hostname has expired: confirm it to use it again.",
};

function canonicalValues(type: RRType, values: string[]): string[] {
  if (values.length > MAX_VALUES) throw new AppError("VALIDATION", `At most ${MAX_VALUES} values per record type.`, { field: "values" });
  try {
    return [...new Set(values.map((v) => canonicalRecord(type, v)))].sort();
  } catch (e) {
    if (e instanceof RdataError) throw new AppError("VALIDATION", e.message, { field: "values" });
    throw e;
  }
}

function recordName(name: string | undefined): RecordName {
  const n = name ?? "@";
  if (!(RECORD_NAMES as readonly string[]).includes(n)) throw new AppError("VALIDATION", RECORD_NAME_MESSAGE, { field: "name" });
  return n as RecordName;
}

/** setRecords — replaces the host's rrset of `type` at `name` with `values` (empty: delete it). */
export async function setRecords(args: SetRecordsArgs): Promise<SetRecordsResult> {
  const client = args.client ?? defaultDb();
  const name = recordName(args.name);
  const type = args.type.toUpperCase() as RRType;
  if (!RR_TYPES.includes(type) || type === "SOA") throw new AppError("VALIDATION", `${args.type} is not a record type you can set.`, { field: "type" });
  if (name === "_acme-challenge" && type !== "TXT") throw new AppError("VALIDATION", "Only TXT records can be set at _acme-challenge.", { field: "type" });
  const privileged = isPrivileged(args.actor);
  const found = await getHostOrThrow({ id: args.hostId, fqdn: args.fqdn, userId: privileged ? null : args.actor.userId, client });
  const plan = await client.plan.findFirstOrThrow({ where: { users: { some: { id: found.ownerId } } } });
  // The plan limits what may be added; removing records it no longer covers (after a downgrade) stays possible.
  const adding = args.values.length > 0 && !privileged;
  if (adding && !plan.recordTypes.includes(type)) {
    throw new AppError("PLAN_LIMIT", `Your plan does not include ${type} records.`, { field: "type" });
  }
  if (adding && name === "*" && !plan.features.includes("wildcard")) {
    throw new AppError("PLAN_LIMIT", `Your plan does not include wildcard records (*.${found.fqdn}).`, { field: "name" });
  }
  const records = canonicalValues(type, args.values);
  if (type === "CNAME" && records.length > 1) throw new AppError("VALIDATION", "A name can have only one CNAME target.", { field: "values" });

  return client.$transaction(async (tx) => {
    // The host row lock serialises writers of this host (CNAME exclusivity, before/after in the audit).
    await tx.$queryRawUnsafe(`SELECT 1 AS one FROM "Host" WHERE "id" = $1::uuid FOR UPDATE`, found.id);
    const host = await tx.host.findUniqueOrThrow({ where: { id: found.id }, include: { zone: { select: { id: true, name: true } } } });
    if (host.status !== "ACTIVE" && !privileged) throw new AppError("BLOCKED", BLOCKED[host.status]!);
    const owner = recordOwner(name, host.fqdn);
    const existing = await tx.rRset.findMany({ where: { name: owner }, select: { type: true, ttl: true, records: true } });
    const current = existing.find((r) => r.type === type);
    const ttl = args.ttl ?? current?.ttl ?? Math.max(plan.minTtl, 60);
    if (records.length > 0 && (!Number.isInteger(ttl) || ttl < plan.minTtl || ttl > MAX_TTL)) {
      throw new AppError("VALIDATION", `The TTL must be a whole number from ${plan.minTtl} to ${MAX_TTL} seconds.`, { field: "ttl" });
    }
    const others = existing.filter((r) => r.type !== type && r.records.length > 0).map((r) => r.type);
    if (records.length > 0 && type === "CNAME" && others.length > 0) {
      throw new AppError("VALIDATION", `${owner} has ${others.sort().join(", ")} records; a CNAME cannot sit beside other records. Remove them first.`, { field: "type" });
    }
    if (records.length > 0 && type !== "CNAME" && others.includes("CNAME")) {
      throw new AppError("VALIDATION", `${owner} is a CNAME; remove it before adding ${type} records.`, { field: "type" });
    }
    const { changed } = await writeRRsets(tx, {
      zoneId: host.zone.id,
      zoneName: host.zone.name,
      hostId: host.id,
      rrsets: [{ name: owner, type, ttl, records }],
    });
    if (changed.length > 0) {
      await writeAudit(tx, {
        ...auditActor(args.actor),
        action: "record.set",
        targetType: "Host",
        targetId: host.id,
        before: current && current.records.length > 0 ? { name, type, ttl: current.ttl, records: current.records } : null,
        after: records.length > 0 ? { name, type, ttl, records } : null,
      });
    }
    return { fqdn: host.fqdn, name, owner, type, ttl, records, changed: changed.length > 0 };
  });
}
