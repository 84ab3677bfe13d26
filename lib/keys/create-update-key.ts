// createUpdateKey — a new update key for a user (account-wide, or for one of their hosts). The
// secret is returned once and never stored; only its SHA-256 and a display prefix are kept.
import { writeAudit } from "@/lib/audit/write-audit";
import type { Db } from "@/lib/db";
import { RR_TYPES, type RRType } from "@/lib/dns/types";
import { AppError } from "@/lib/errors";
import { auditActor, type Actor } from "@/lib/auth/actor";
import { canonicalCidr } from "./cidrs";
import { generateSecret } from "@/lib/secrets/secret";

export type CreateUpdateKeyInput = {
  ownerId: string;
  /** Restrict the key to one host (which MUST belong to ownerId). */
  hostId?: string | null;
  label?: string;
  /** Record types the key may change; default A and AAAA. Each MUST be allowed by the owner's plan. */
  recordTypes?: RRType[];
  allowedCidrs?: string[];
  expiresAt?: Date | null;
  /** Who creates it, for the audit row; default the owner. */
  actor?: Actor;
};

export type CreatedUpdateKey = { id: string; prefix: string; secret: string; hostId: string | null; recordTypes: RRType[]; allowedCidrs: string[]; expiresAt: Date | null };

const KEY_TYPES: ReadonlySet<string> = new Set(["A", "AAAA", "TXT", "MX"]);

export async function createUpdateKey(client: Db, input: CreateUpdateKeyInput): Promise<CreatedUpdateKey> {
  const types = [...new Set(input.recordTypes ?? (["A", "AAAA"] as RRType[]))];
  const unknown = types.filter((t) => !(RR_TYPES as readonly string[]).includes(t) || !KEY_TYPES.has(t));
  if (types.length === 0 || unknown.length) {
    throw new AppError("VALIDATION", `An update key may change A, AAAA, TXT and MX records, not ${unknown.join(", ") || "nothing"}.`, { field: "types" });
  }
  const owner = await client.user.findUnique({ where: { id: input.ownerId }, select: { id: true, plan: { select: { recordTypes: true } } } });
  if (!owner) throw new AppError("NOT_FOUND", "No such user.");
  const beyondPlan = types.filter((t) => !owner.plan.recordTypes.includes(t));
  if (beyondPlan.length) throw new AppError("PLAN_LIMIT", `Your plan does not include ${beyondPlan.join(", ")} records.`, { field: "types" });
  if (input.hostId) {
    const host = await client.host.findFirst({ where: { id: input.hostId, ownerId: input.ownerId }, select: { id: true } });
    if (!host) throw new AppError("NOT_FOUND", "No such host.", { field: "host" });
  }
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw new AppError("VALIDATION", "The expiry must be in the future.", { field: "expires" });
  }
  const cidrs = [...new Set((input.allowedCidrs ?? []).map(canonicalCidr))];
  const label = (input.label ?? "").trim().slice(0, 100);
  const { secret, secretHash, prefix } = generateSecret("updateKey");
  const key = await client.$transaction(async (tx) => {
    const row = await tx.updateKey.create({
      data: {
        ownerId: input.ownerId,
        hostId: input.hostId ?? null,
        label,
        secretHash,
        prefix,
        recordTypes: types,
        allowedCidrs: cidrs,
        expiresAt: input.expiresAt ?? null,
      },
    });
    await writeAudit(tx, {
      ...auditActor(input.actor ?? { userId: input.ownerId, role: "USER" }),
      action: "update_key.create",
      targetType: "UpdateKey",
      targetId: row.id,
      after: { ownerId: row.ownerId, hostId: row.hostId, label, prefix, recordTypes: types, allowedCidrs: cidrs, expiresAt: row.expiresAt?.toISOString() ?? null },
    });
    return row;
  });
  return { id: key.id, prefix, secret, hostId: key.hostId, recordTypes: key.recordTypes, allowedCidrs: key.allowedCidrs, expiresAt: key.expiresAt };
}
