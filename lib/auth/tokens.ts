// One-time tokens sent by mail (verify email, reset password). Only the SHA-256 of a token is
// stored; a token is single use and expires.
import type { AuthTokenKind } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generateSecret, hashSecret } from "@/lib/secrets/secret";

export const TOKEN_TTL_MS: Record<AuthTokenKind, number> = {
  VERIFY_EMAIL: 48 * 3600_000,
  RESET_PASSWORD: 3600_000,
  LIVENESS: 14 * 24 * 3600_000,
};

/** Creates a token for the user and returns it in clear (43 base64url characters) — the only copy. */
export async function issueAuthToken(tx: Tx, args: { userId: string; kind: AuthTokenKind; now?: Date }): Promise<string> {
  const { secret: token } = generateSecret("link");
  const now = args.now ?? new Date();
  await tx.authToken.create({
    data: {
      userId: args.userId,
      kind: args.kind,
      tokenHash: hashSecret(token),
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[args.kind]),
    },
  });
  return token;
}

/**
 * Uses a token: returns its user id and marks every open token of that kind for the user used.
 * NOT_FOUND (one message for unknown, used and expired) otherwise. MUST run in a transaction.
 */
export async function consumeAuthToken(
  tx: Tx,
  args: { token: string; kind: AuthTokenKind; now?: Date },
): Promise<{ userId: string }> {
  const now = args.now ?? new Date();
  const row = await tx.authToken.findUnique({ where: { tokenHash: hashSecret(args.token) } });
  if (!row || row.kind !== args.kind || row.usedAt || row.expiresAt <= now) {
    throw new AppError("NOT_FOUND", "This link is invalid, already used or expired. Ask for a new one.", {
      field: "token",
    });
  }
  const used = await tx.authToken.updateMany({
    where: { userId: row.userId, kind: args.kind, usedAt: null },
    data: { usedAt: now },
  });
  // A concurrent use of the same token got there first.
  if (used.count === 0) throw new AppError("NOT_FOUND", "This link has already been used.", { field: "token" });
  return { userId: row.userId };
}
