// changePassword — from the account page: the current password is re-checked, the new one stored,
// every other browser signed out (this one stays), remembered update passwords forgotten, and the
// user told by mail. Audited.
import { writeAudit } from "@/lib/audit/write-audit";
import { notifyInvalidation } from "@/lib/cache/invalidation";
import type { Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { publicUrl } from "@/lib/env";
import { forgetAccountPasswords } from "@/lib/keys/account-password";
import { sendMail } from "@/lib/mail/send-mail";
import { confirmPassword } from "./confirm-password";

/** `newPassword` MUST come through changePasswordSchema. VALIDATION on "currentPassword" when it is wrong. */
export async function changePassword(
  client: Db,
  args: { userId: string; currentPassword: string; newPassword: string; keepSessionId: string; ip: string },
): Promise<{ otherSessionsSignedOut: number }> {
  const { email } = await confirmPassword(client, { userId: args.userId, password: args.currentPassword, ip: args.ip, field: "currentPassword" });
  const passwordHash = await hashPassword(args.newPassword);
  const revoked = await client.$transaction(async (tx) => {
    await tx.user.update({ where: { id: args.userId }, data: { passwordHash } });
    const { count } = await tx.session.updateMany({
      where: { userId: args.userId, revokedAt: null, NOT: { id: args.keepSessionId } },
      data: { revokedAt: new Date() },
    });
    await writeAudit(tx, {
      actorId: args.userId, actorRole: "USER", ip: args.ip,
      action: "user.password_change", targetType: "User", targetId: args.userId, after: { otherSessionsRevoked: count },
    });
    await notifyInvalidation(tx, { k: "user", id: args.userId });
    return count;
  });
  forgetAccountPasswords(args.userId);
  await sendMail(
    {
      to: email,
      subject: "Your dynhost password was changed",
      text: `The password of your dynhost account was just changed from the account page, and every other signed-in browser was signed out.\n\nIf this was not you, reset your password now: ${publicUrl()}/forgot-password\n`,
    },
    client,
  );
  return { otherSessionsSignedOut: revoked };
}
