// Test users, created through the same service the operator CLI uses.
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createUser, type CreatedUser } from "@/lib/auth/create-user";

export const TEST_PASSWORD = "correct horse battery staple";

/** A unique address under example.test. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.test`;
}

/** A user (verified unless said otherwise) with TEST_PASSWORD. */
export async function seedUser(
  client: Db,
  opts: { email?: string; role?: Role; verified?: boolean; totp?: boolean; password?: string } = {},
): Promise<CreatedUser & { password: string }> {
  const password = opts.password ?? TEST_PASSWORD;
  const user = await createUser(client, {
    email: opts.email ?? uniqueEmail(),
    password,
    role: opts.role ?? "USER",
    verified: opts.verified ?? true,
    totp: opts.totp ?? false,
    actor: SYSTEM_ACTOR,
  });
  return { ...user, password };
}
