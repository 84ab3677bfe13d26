// Who is acting on a host: a signed-in user (owner or staff), or the system itself (CLI, jobs).
// Services take an Actor instead of a bare user id so that audit rows say who did what.
import type { Role } from "@/lib/generated/prisma/enums";

export type Actor = {
  /** null for the system (CLI, background jobs). */
  userId: string | null;
  role: Role | "system";
  ip?: string | null;
};

/** The operator at the command line. */
export const CLI_ACTOR: Actor = { userId: null, role: "system" };

/** Admins and the system may act on any host and bypass registration limits; everyone else only on their own. */
export function isPrivileged(actor: Actor): boolean {
  return actor.role === "ADMIN" || actor.role === "system";
}

/** The actor fields of an audit row. */
export function auditActor(actor: Actor): { actorId: string | null; actorRole: string; ip: string | null } {
  return { actorId: actor.userId, actorRole: actor.role === "system" ? "system" : actor.role, ip: actor.ip ?? null };
}
