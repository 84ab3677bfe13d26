// A cap on account mails per address, so sign-up, "resend link" and "forgot password" cannot be
// used to flood someone's inbox. Over the cap, callers skip sending and answer as usual.
import type { Db } from "@/lib/db";

export const MAIL_BUDGET = { max: 5, windowMs: 60 * 60_000 } as const;

/** True while fewer than MAIL_BUDGET.max mails went to `to` in the last MAIL_BUDGET.windowMs. */
export async function withinMailBudget(client: Db, to: string, now = new Date()): Promise<boolean> {
  const sent = await client.mailMessage.count({
    where: { to, createdAt: { gt: new Date(now.getTime() - MAIL_BUDGET.windowMs) } },
  });
  return sent < MAIL_BUDGET.max;
}
