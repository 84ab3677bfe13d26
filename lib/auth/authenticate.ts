// Credentials sign-in: throttle, password, email verified, TOTP when enabled, then a Session row.
// Unknown accounts cost the same time and get the same answer as a wrong password.
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { verifyPassword } from "@/lib/auth/password";
import { createSession } from "@/lib/auth/sessions";
import { checkSignInThrottle, recordSignInAttempt } from "@/lib/auth/throttle";
import { useTotpCode } from "@/lib/auth/totp-use";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { SignInReason } from "@/lib/validation/sign-in-errors";

/** A refused sign-in; `reason` is what the form shows (lib/validation/sign-in-errors.ts). */
export class SignInError extends AppError {
  constructor(
    readonly reason: SignInReason,
    opts: { retryAfter?: number } = {},
  ) {
    const code: ErrorCode = reason === "THROTTLED" ? "RATE_LIMITED" : reason === "UNVERIFIED" ? "FORBIDDEN" : "UNAUTHENTICATED";
    super(code, `sign-in refused: ${reason}`, opts);
  }
}

export type Authenticated = { userId: string; email: string; role: Role; sessionId: string; mfa: boolean };

/** authenticate — input validated by signInSchema. Throws SignInError. */
export async function authenticate(
  client: Db,
  input: { email: string; password: string; totp?: string },
  meta: { ip: string; userAgent?: string | null; now?: Date },
): Promise<Authenticated> {
  const { email } = input;
  const now = meta.now ?? new Date();
  const verdict = await checkSignInThrottle(client, { email, ip: meta.ip, now });
  if (verdict.blocked) throw new SignInError("THROTTLED", { retryAfter: verdict.retryAfterS });

  const user = await client.user.findUnique({
    where: { email },
    select: { id: true, email: true, role: true, emailVerifiedAt: true, passwordHash: true, totpSecret: true, totpEnabledAt: true },
  });
  const fail = async (reason: SignInReason) => {
    await recordSignInAttempt(client, { email, ip: meta.ip, success: false, now });
    return new SignInError(reason);
  };
  if (!(await verifyPassword(user?.passwordHash, input.password)) || !user) throw await fail("INVALID");
  if (!user.emailVerifiedAt) throw new SignInError("UNVERIFIED");

  const mfa = Boolean(user.totpEnabledAt && user.totpSecret);
  if (mfa) {
    if (!input.totp) throw new SignInError("TOTP_REQUIRED");
    const fresh = await useTotpCode(client, { userId: user.id, secret: user.totpSecret!, code: input.totp, now: now.getTime() });
    if (!fresh) throw await fail("TOTP_INVALID");
  }

  await recordSignInAttempt(client, { email, ip: meta.ip, success: true, now });
  const session = await createSession(client, { userId: user.id, role: user.role, ip: meta.ip, userAgent: meta.userAgent, now });
  await client.user.update({ where: { id: user.id }, data: { lastSeenAt: now } });
  return { userId: user.id, email: user.email, role: user.role, sessionId: session.id, mfa };
}
