// Sign-in throttling from LoginAttempt rows: at most THROTTLE.perAccount failures per email (since
// its last success) and THROTTLE.perIp failures per address within THROTTLE.windowMs.
import type { Db } from "@/lib/db";

export const THROTTLE = { windowMs: 15 * 60_000, perAccount: 10, perIp: 50 } as const;

export type ThrottleVerdict = { blocked: false } | { blocked: true; retryAfterS: number };

/**
 * Pure rule: given the most recent failure times (newest first) in the window, blocked when there
 * are `limit` of them, until the limit-th newest leaves the window.
 */
export function throttleVerdict(failures: Date[], limit: number, windowMs: number, now: Date): ThrottleVerdict {
  if (failures.length < limit) return { blocked: false };
  const freeAt = failures[limit - 1].getTime() + windowMs;
  if (freeAt <= now.getTime()) return { blocked: false };
  return { blocked: true, retryAfterS: Math.ceil((freeAt - now.getTime()) / 1000) };
}

/** The longer of two verdicts. */
function worst(a: ThrottleVerdict, b: ThrottleVerdict): ThrottleVerdict {
  if (!a.blocked) return b;
  if (!b.blocked) return a;
  return a.retryAfterS >= b.retryAfterS ? a : b;
}

/** Whether a sign-in for `email` from `ip` may be attempted now. */
export async function checkSignInThrottle(
  client: Db,
  args: { email: string; ip: string; now?: Date },
): Promise<ThrottleVerdict> {
  const now = args.now ?? new Date();
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const lastSuccess = await client.loginAttempt.findFirst({
    where: { email: args.email, success: true, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const accountSince = lastSuccess && lastSuccess.createdAt > since ? lastSuccess.createdAt : since;
  const [byAccount, byIp] = await Promise.all([
    client.loginAttempt.findMany({
      where: { email: args.email, success: false, createdAt: { gt: accountSince } },
      orderBy: { createdAt: "desc" },
      take: THROTTLE.perAccount,
      select: { createdAt: true },
    }),
    client.loginAttempt.findMany({
      where: { ip: args.ip, success: false, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      take: THROTTLE.perIp,
      select: { createdAt: true },
    }),
  ]);
  return worst(
    throttleVerdict(byAccount.map((r) => r.createdAt), THROTTLE.perAccount, THROTTLE.windowMs, now),
    throttleVerdict(byIp.map((r) => r.createdAt), THROTTLE.perIp, THROTTLE.windowMs, now),
  );
}

/** Records one attempt (a throttled attempt is not recorded, so waiting out the window works). */
export async function recordSignInAttempt(
  client: Db,
  args: { email: string; ip: string; success: boolean; now?: Date },
): Promise<void> {
  await client.loginAttempt.create({
    data: { email: args.email, ip: args.ip, success: args.success, createdAt: args.now ?? new Date() },
  });
}
