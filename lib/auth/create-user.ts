// Operator-created accounts (CLI user:create): verified, any role, TOTP on by request.
import type { z } from "zod";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { writeAudit } from "@/lib/audit/write-audit";
import { hashPassword } from "@/lib/auth/password";
import { newTotpSecret, otpauthUri } from "@/lib/auth/totp";
import { TOTP_ISSUER } from "@/lib/auth/totp-settings";
import { AppError } from "@/lib/errors";
import { emailField, newPasswordField } from "@/lib/validation/fields";
import { auditActor, type Actor } from "@/lib/auth/actor";

export type CreatedUser = { id: string; email: string; role: Role; totp?: { secret: string; uri: string } };

function check<S extends z.ZodType>(schema: S, v: unknown, field: string): z.output<S> {
  const r = schema.safeParse(v);
  if (!r.success) throw new AppError("VALIDATION", `--${field}: ${r.error.issues[0].message}`, { field });
  return r.data;
}

/** createUser — CONFLICT when the email is taken. The TOTP secret is returned once, never again. Audited. */
export async function createUser(
  client: Db,
  args: { email: string; password: string; role: Role; totp: boolean; verified: boolean; actor: Actor },
): Promise<CreatedUser> {
  const email = check(emailField, args.email, "email");
  const password = check(newPasswordField, args.password, "password");
  const passwordHash = await hashPassword(password);
  const secret = args.totp ? newTotpSecret() : undefined;
  const now = new Date();
  return client.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError("CONFLICT", `a user with email ${email} already exists`, { field: "email" });
    }
    const user = await tx.user.create({
      data: {
        email,
        passwordHash,
        role: args.role,
        emailVerifiedAt: args.verified ? now : null,
        totpSecret: secret ?? null,
        totpEnabledAt: secret ? now : null,
      },
      select: { id: true, email: true, role: true },
    });
    await writeAudit(tx, {
      ...auditActor(args.actor),
      action: "user.create",
      targetType: "User",
      targetId: user.id,
      after: { email, role: args.role, verified: args.verified, totp: Boolean(secret) },
    });
    return { ...user, ...(secret ? { totp: { secret, uri: otpauthUri({ secret, account: email, issuer: TOTP_ISSUER }) } } : {}) };
  });
}
