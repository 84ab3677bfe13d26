// Email verification by a one-time link, and a no-enumeration "send me a new link".
import type { Db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { consumeAuthToken, issueAuthToken } from "@/lib/auth/tokens";
import { hashSecret } from "@/lib/secrets/secret";
import { withinMailBudget } from "@/lib/mail/mail-budget";
import { sendMail } from "@/lib/mail/send-mail";
import { verifyEmailMail } from "@/lib/mail/templates";

/**
 * verifyEmail — marks the token's user verified. Opening an already-used link of an account that is
 * verified answers success again (mail scanners open links first). NOT_FOUND otherwise.
 */
export async function verifyEmail(client: Db, args: { token: string; ip?: string }): Promise<{ email: string }> {
  try {
    return await client.$transaction(async (tx) => {
      const { userId } = await consumeAuthToken(tx, { token: args.token, kind: "VERIFY_EMAIL" });
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
      if (!user.emailVerifiedAt) {
        await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() } });
        await writeAudit(tx, {
          actorId: userId,
          actorRole: "USER",
          action: "user.email_verified",
          targetType: "User",
          targetId: userId,
          ip: args.ip ?? null,
        });
      }
      return { email: user.email };
    });
  } catch (err) {
    const used = await client.authToken.findUnique({
      where: { tokenHash: hashSecret(args.token) },
      select: { kind: true, usedAt: true, user: { select: { email: true, emailVerifiedAt: true } } },
    });
    if (used?.kind === "VERIFY_EMAIL" && used.usedAt && used.user.emailVerifiedAt) return { email: used.user.email };
    throw err;
  }
}

export const RESEND_VERIFICATION_MESSAGE =
  "If an unconfirmed account uses this address, we sent it a new confirmation link.";

/** resendVerification — a new link for an unverified account; the same answer in every case. */
export async function resendVerification(client: Db, args: { email: string }): Promise<{ message: string }> {
  const user = await client.user.findUnique({ where: { email: args.email }, select: { id: true, emailVerifiedAt: true } });
  if (user && !user.emailVerifiedAt && (await withinMailBudget(client, args.email))) {
    const token = await client.$transaction((tx) => issueAuthToken(tx, { userId: user.id, kind: "VERIFY_EMAIL" }));
    await sendMail(verifyEmailMail(args.email, token), client);
  }
  return { message: RESEND_VERIFICATION_MESSAGE };
}
