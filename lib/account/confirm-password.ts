// Re-checks the signed-in user's password before a sensitive change (new password, account
// deletion). Wrong answers count as failed sign-ins for the throttle, so a stolen session cannot
// be used to guess the password faster than the sign-in form allows.
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/password";
import { checkSignInThrottle, recordSignInAttempt } from "@/lib/auth/throttle";

/** confirmPassword — the user's email when `password` is theirs; VALIDATION on `field` otherwise, RATE_LIMITED when throttled. */
export async function confirmPassword(
  client: Db,
  args: { userId: string; password: string; ip: string; field: string },
): Promise<{ email: string }> {
  const user = await client.user.findUnique({ where: { id: args.userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  const verdict = await checkSignInThrottle(client, { email: user.email, ip: args.ip });
  if (verdict.blocked) {
    throw new AppError("RATE_LIMITED", "Too many wrong passwords. Wait a few minutes and try again.", { field: args.field, retryAfter: verdict.retryAfterS });
  }
  if (!(await verifyPassword(user.passwordHash, args.password))) {
    await recordSignInAttempt(client, { email: user.email, ip: args.ip, success: false });
    throw new AppError("VALIDATION", "This is not your current password.", { field: args.field });
  }
  return { email: user.email };
}
