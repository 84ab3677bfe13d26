// Sign-up without account enumeration: the answer is the same whether the address is new or not;
// a new address gets a verification link, an existing one a note to its owner.
import type { Db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { hashPassword } from "@/lib/auth/password";
import { issueAuthToken } from "@/lib/auth/tokens";
import { accountExistsMail, verifyEmailMail } from "@/lib/mail/templates";
import { withinMailBudget } from "@/lib/mail/mail-budget";
import { sendMail } from "@/lib/mail/send-mail";

export const SIGN_UP_MESSAGE =
  "Check your inbox: we sent a message to this address. Open the link in it to confirm your account.";

function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: string }).code === "P2002";
}

/** signUp — input already validated by signUpSchema. Always answers SIGN_UP_MESSAGE. */
export async function signUp(
  client: Db,
  input: { email: string; password: string; name?: string },
  meta: { ip: string },
): Promise<{ message: string }> {
  // Hash first in every case, so both paths take as long.
  const passwordHash = await hashPassword(input.password);
  let token: string | undefined;
  try {
    token = await client.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name ?? null, passwordHash },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: user.id,
        actorRole: "USER",
        action: "user.signup",
        targetType: "User",
        targetId: user.id,
        ip: meta.ip,
      });
      return issueAuthToken(tx, { userId: user.id, kind: "VERIFY_EMAIL" });
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  if (!(await withinMailBudget(client, input.email))) return { message: SIGN_UP_MESSAGE };
  if (token) await sendMail(verifyEmailMail(input.email, token), client);
  else await notifyExistingOwner(client, input.email);
  return { message: SIGN_UP_MESSAGE };
}

async function notifyExistingOwner(client: Db, email: string): Promise<void> {
  const user = await client.user.findUnique({ where: { email }, select: { id: true, emailVerifiedAt: true } });
  if (!user) return;
  const verifyToken = user.emailVerifiedAt
    ? undefined
    : await client.$transaction((tx) => issueAuthToken(tx, { userId: user.id, kind: "VERIFY_EMAIL" }));
  await sendMail(accountExistsMail(email, verifyToken), client);
}
