// Two-factor authentication settings: start (a pending secret shown once on the setup page),
// confirm with a code, disable with a code. Staff accounts cannot disable it.
import { notifyInvalidation } from "@/lib/cache/invalidation";
import type { Db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { isStaff } from "@/lib/auth/roles";
import { newTotpSecret, otpauthUri } from "@/lib/auth/totp";
import { useTotpCode } from "@/lib/auth/totp-use";
import { AppError } from "@/lib/errors";
import { forgetAccountPasswords } from "@/lib/keys/account-password";

export const TOTP_ISSUER = "dynhost";

/** The user acting on their own account, and from where (for the audit log). */
type SelfService = { userId: string; ip?: string | null };

export type TotpSetup = { secret: string; uri: string };

/** The user's TOTP state: enabled, pending (secret + URI to show), or off. */
export async function totpStatus(
  client: Db,
  userId: string,
): Promise<{ state: "enabled"; since: Date } | { state: "pending"; setup: TotpSetup } | { state: "off" }> {
  const u = await client.user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, totpSecret: true, totpEnabledAt: true },
  });
  if (u.totpEnabledAt) return { state: "enabled", since: u.totpEnabledAt };
  if (u.totpSecret) {
    return { state: "pending", setup: { secret: u.totpSecret, uri: otpauthUri({ secret: u.totpSecret, account: u.email, issuer: TOTP_ISSUER }) } };
  }
  return { state: "off" };
}

/** startTotpSetup — stores a new pending secret (replacing an unconfirmed one). CONFLICT when already enabled. */
export async function startTotpSetup(client: Db, args: SelfService): Promise<void> {
  const secret = newTotpSecret();
  const r = await client.user.updateMany({ where: { id: args.userId, totpEnabledAt: null }, data: { totpSecret: secret, totpLastStep: null } });
  if (r.count === 0) throw new AppError("CONFLICT", "Two-factor authentication is already on.");
}

async function checkCode(client: Db, userId: string, code: string, wantEnabled: boolean) {
  const u = await client.user.findUniqueOrThrow({
    where: { id: userId },
    select: { role: true, totpSecret: true, totpEnabledAt: true },
  });
  if (!u.totpSecret || Boolean(u.totpEnabledAt) !== wantEnabled) {
    throw new AppError("CONFLICT", wantEnabled ? "Two-factor authentication is not on." : "Start the setup first.");
  }
  if (!(await useTotpCode(client, { userId, secret: u.totpSecret, code }))) {
    throw new AppError("VALIDATION", "That code is not valid. Check your device's clock and try a new code.", { field: "code" });
  }
  return u;
}

/** confirmTotp — turns TOTP on after a correct code for the pending secret. Audited. */
export async function confirmTotp(client: Db, args: SelfService & { code: string }): Promise<void> {
  const u = await checkCode(client, args.userId, args.code, false);
  await client.$transaction(async (tx) => {
    await tx.user.update({ where: { id: args.userId }, data: { totpEnabledAt: new Date() } });
    await writeAudit(tx, {
      actorId: args.userId,
      actorRole: u.role,
      action: "user.totp_enabled",
      targetType: "User",
      targetId: args.userId,
      ip: args.ip ?? null,
    });
    // With TOTP on, the password alone no longer updates (lib/keys/account-password.ts).
    await notifyInvalidation(tx, { k: "user", id: args.userId });
  });
  forgetAccountPasswords(args.userId);
}

/** disableTotp — turns TOTP off after a correct code; FORBIDDEN for staff. Audited. */
export async function disableTotp(client: Db, args: SelfService & { code: string }): Promise<void> {
  const u = await checkCode(client, args.userId, args.code, true);
  if (isStaff(u.role)) {
    throw new AppError("FORBIDDEN", "Staff accounts must keep two-factor authentication on.", { field: "code" });
  }
  await client.$transaction(async (tx) => {
    await tx.user.update({ where: { id: args.userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await writeAudit(tx, {
      actorId: args.userId,
      actorRole: u.role,
      action: "user.totp_disabled",
      targetType: "User",
      targetId: args.userId,
      ip: args.ip ?? null,
    });
  });
}
