// Roles: USER is a customer; ABUSE, BILLING and ADMIN are staff (consoles, TOTP required). Client-safe.
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = ["USER", "ABUSE", "BILLING", "ADMIN"] as const satisfies readonly Role[];
export const STAFF_ROLES = ["ABUSE", "BILLING", "ADMIN"] as const satisfies readonly Role[];

/** True for ABUSE, BILLING and ADMIN. */
export function isStaff(role: Role): boolean {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}
