// createApiToken — a new REST API token for a user. The secret is returned once and never stored.
import { writeAudit } from "@/lib/audit/write-audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { API_SCOPES, isApiScope, type ApiScope } from "./scopes";
import { generateSecret } from "@/lib/secrets/secret";
import { auditActor, type Actor } from "@/lib/auth/actor";

export type CreateApiTokenInput = {
  userId: string;
  label?: string;
  /** Default: every scope. Unknown scopes are a VALIDATION error on field "scopes". */
  scopes?: string[];
  expiresAt?: Date | null;
  /** Who asked (default: the user themself) and from where, for the audit log. */
  actor?: Actor;
  now?: Date;
};

export type CreatedApiToken = { id: string; token: string; prefix: string; label: string; scopes: ApiScope[]; expiresAt: Date | null };

export async function createApiToken(client: Db, input: CreateApiTokenInput): Promise<CreatedApiToken> {
  const now = input.now ?? new Date();
  const requested = input.scopes ?? [...API_SCOPES];
  const unknown = requested.filter((s) => !isApiScope(s));
  if (requested.length === 0 || unknown.length > 0) {
    throw new AppError("VALIDATION", `Scopes must be among ${API_SCOPES.join(", ")}${unknown.length ? `; unknown: ${unknown.join(", ")}` : ""}.`, { field: "scopes" });
  }
  const scopes = API_SCOPES.filter((s) => requested.includes(s));
  if (input.expiresAt && input.expiresAt.getTime() <= now.getTime()) {
    throw new AppError("VALIDATION", "The expiry must be in the future.", { field: "expiresAt" });
  }
  const label = (input.label ?? "").trim();
  if (label.length > 100) throw new AppError("VALIDATION", "Use at most 100 characters.", { field: "label" });
  const { secret: token, secretHash: tokenHash, prefix } = generateSecret("apiToken");
  return client.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new AppError("NOT_FOUND", "No such user.");
    const row = await tx.apiToken.create({
      data: { userId: input.userId, label, tokenHash, prefix, scopes, expiresAt: input.expiresAt ?? null, createdAt: now },
      select: { id: true },
    });
    await writeAudit(tx, {
      ...auditActor(input.actor ?? { userId: input.userId, role: "USER" }),
      action: "api_token.create",
      targetType: "ApiToken",
      targetId: row.id,
      after: { userId: input.userId, prefix, scopes, expiresAt: input.expiresAt ?? null },
    });
    return { id: row.id, token, prefix, label, scopes, expiresAt: input.expiresAt ?? null };
  });
}
