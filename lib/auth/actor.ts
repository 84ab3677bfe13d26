// THE Actor: who is acting — a signed-in user (owner or staff), an API token's owner, or the
// system itself (CLI, jobs). Services take an Actor instead of a bare user id so that audit rows
// say who did what, from where, in which role.
import type { Role } from "@/lib/generated/prisma/enums";

export type Actor = {
  /** null for the system (CLI, background jobs). */
  userId: string | null;
  role: Role | "system";
  ip?: string | null;
};

/** The operator at the command line. */
export const CLI_ACTOR: Actor = { userId: null, role: "system" };

/** The service itself (start-up, background jobs). */
export const SYSTEM_ACTOR: Actor = { userId: null, role: "system" };

/** Admins and the system may act on any host and bypass registration limits; everyone else only on their own. */
export function isPrivileged(actor: Actor): boolean {
  return actor.role === "ADMIN" || actor.role === "system";
}

/** The actor fields of an audit row. */
export function auditActor(actor: Actor): { actorId: string | null; actorRole: string; ip: string | null } {
  return { actorId: actor.userId, actorRole: actor.role === "system" ? "system" : actor.role, ip: actor.ip ?? null };
}

/**
 * A signed-in user changing their own things from the dashboard, as a plain user: staff powers
 * (other users' hosts, plan limits) belong to the staff consoles, so a staff member's own
 * dashboard behaves like anyone's (as API tokens do).
 */
export function ownerActor(ctx: { user: { id: string }; ip: string }): Actor {
  return { userId: ctx.user.id, role: "USER", ip: ctx.ip };
}

/** The signed-in caller in their own role (staff acting from a console, anyone on their account settings). */
export function callerActor(ctx: { user: { id: string }; role: Role; ip: string }): Actor {
  return { userId: ctx.user.id, role: ctx.role, ip: ctx.ip };
}
