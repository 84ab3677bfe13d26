// Password reset by a one-time link. Asking never reveals whether an account exists; using the link
// sets the password, confirms the address and signs out every browser.
import { notifyInvalidation } from "@/lib/cache/invalidation";
import type { Db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { hashPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { forgetAccountPasswords } from "@/lib/keys/account-password";
import { consumeAuthToken, issueAuthToken } from "@/lib/auth/tokens";
import { withinMailBudget } from "@/lib/mail/mail-budget";
import { sendMail } from "@/lib/mail/send-mail";
import { passwordChangedMail, resetPasswordMail } from "@/lib/mail/templates";

export const RESET_REQUESTED_MESSAGE =
  "If an account uses this address, we sent it a link to choose a new password. The link works once, for one hour.";

/** requestPasswordReset — mails a reset link to an existing account; the same answer in every case. */
export async function requestPasswordReset(client: Db, args: { email: string }): Promise<{ message: string }> {
  const user = await client.user.findUnique({ where: { email: args.email }, select: { id: true } });
  if (user && (await withinMailBudget(client, args.email))) {
    const token = await client.$transaction((tx) => issueAuthToken(tx, { userId: user.id, kind: "RESET_PASSWORD" }));
    await sendMail(resetPasswordMail(args.email, token), client);
  }
  return { message: RESET_REQUESTED_MESSAGE };
}

/** resetPassword — input validated by resetPasswordSchema. NOT_FOUND for a bad, used or expired link. Audited. */
export async function resetPassword(
  client: Db,
  args: { token: string; password: string; ip?: string },
): Promise<{ email: string }> {
  const passwordHash = await hashPassword(args.password);
  const { email, userId } = await client.$transaction(async (tx) => {
    const { userId } = await consumeAuthToken(tx, { token: args.token, kind: "RESET_PASSWORD" });
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? new Date() },
    });
    const revoked = await revokeUserSessions(tx, userId);
    await writeAudit(tx, {
      actorId: userId,
      actorRole: "USER",
      action: "user.password_reset",
      targetType: "User",
      targetId: userId,
      after: { sessionsRevoked: revoked },
      ip: args.ip ?? null,
    });
    await notifyInvalidation(tx, { k: "user", id: userId }); // the old password stops working on /nic/update
    return { email: user.email, userId };
  });
  forgetAccountPasswords(userId);
  await sendMail(passwordChangedMail(email), client);
  return { email };
}
