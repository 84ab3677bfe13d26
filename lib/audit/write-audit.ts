// Appends one row to the audit log inside the caller's transaction. Rows form a hash chain
// (each row's hash covers the previous row's hash), so deleting or editing a row is detectable
// with verifyAuditChain.
import { createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db";

export type AuditEntry = {
  actorId?: string | null;
  actorRole?: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

const GENESIS = "0".repeat(64);
const AUDIT_LOCK = 4242_0001;

/** JSON with object keys sorted at every level: jsonb does not keep key order, the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === "bigint") return v.toString();
    if (v && typeof v === "object" && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

function rowHash(prevHash: string, e: AuditEntry, createdAt: Date): string {
  const body = canonicalJson([
    prevHash,
    e.actorId ?? null,
    e.actorRole ?? null,
    e.action,
    e.targetType,
    e.targetId ?? null,
    e.before ?? null,
    e.after ?? null,
    e.ip ?? null,
    createdAt.toISOString(),
  ]);
  return createHash("sha256").update(body).digest("hex");
}

/** writeAudit — MUST be called inside the transaction that makes the audited change. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`;
  const last = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS;
  const createdAt = new Date();
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId ?? null,
      actorRole: entry.actorRole ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      before: (entry.before ?? undefined) as never,
      after: (entry.after ?? undefined) as never,
      ip: entry.ip ?? null,
      prevHash,
      hash: rowHash(prevHash, entry, createdAt),
      createdAt,
    },
  });
}

/** verifyAuditChain — the id of the first row whose hash does not match, or null when intact. */
export async function verifyAuditChain(client: Db): Promise<bigint | null> {
  let prev = GENESIS;
  const rows = await client.auditLog.findMany({ orderBy: { id: "asc" } });
  for (const r of rows) {
    const expected = rowHash(prev, { ...r, before: r.before ?? undefined, after: r.after ?? undefined }, r.createdAt);
    if (r.prevHash !== prev || r.hash !== expected) return r.id;
    prev = r.hash;
  }
  return null;
}
