// Signed-in browsers. The next-auth JWT only carries a Session id; every request re-reads the row,
// so revoking it (sign out, "sign out everywhere", password reset) ends that browser's session.
import type { Db, Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { writeAudit } from "@/lib/audit/write-audit";
import { isStaff } from "@/lib/auth/roles";
import { auditActor, type Actor } from "@/lib/auth/actor";

const HOUR = 3600_000;
/** Absolute lifetime and idle timeout; staff sessions are short. */
export const SESSION_LIMITS = {
  user: { ttlMs: 30 * 24 * HOUR, idleMs: 7 * 24 * HOUR },
  staff: { ttlMs: 12 * HOUR, idleMs: 2 * HOUR },
} as const;
/** lastSeenAt is written at most this often per session. */
const TOUCH_EVERY_MS = 60_000;

function limits(role: Role) {
  return isStaff(role) ? SESSION_LIMITS.staff : SESSION_LIMITS.user;
}

/** Creates the Session row for a successful sign-in. */
export async function createSession(
  client: Db,
  args: { userId: string; role: Role; ip: string; userAgent?: string | null; now?: Date },
) {
  const now = args.now ?? new Date();
  return client.session.create({
    data: {
      userId: args.userId,
      ip: args.ip,
      userAgent: args.userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + limits(args.role).ttlMs),
    },
  });
}

const USER_FIELDS = {
  id: true,
  email: true,
  name: true,
  role: true,
  emailVerifiedAt: true,
  totpEnabledAt: true,
} as const;

export type SessionUser = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  emailVerifiedAt: Date | null;
  totpEnabledAt: Date | null;
};

/**
 * The live session and its user, or null when the row is missing, revoked, expired or idle too
 * long (judged with the user's current role). Refreshes lastSeenAt.
 */
export async function loadSession(
  client: Db,
  sessionId: string,
  now = new Date(),
): Promise<{ session: { id: string; createdAt: Date }; user: SessionUser } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const s = await client.session.findUnique({ where: { id: sessionId }, include: { user: { select: USER_FIELDS } } });
  if (!s || s.revokedAt || s.expiresAt <= now) return null;
  const l = limits(s.user.role);
  if (s.lastSeenAt.getTime() + l.idleMs <= now.getTime()) return null;
  if (s.createdAt.getTime() + l.ttlMs <= now.getTime()) return null;
  if (now.getTime() - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await client.session.update({ where: { id: s.id }, data: { lastSeenAt: now } });
  }
  return { session: { id: s.id, createdAt: s.createdAt }, user: s.user };
}

/** The user's live sessions, newest first. */
export async function listSessions(client: Db, userId: string, now = new Date()) {
  return client.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
  });
}

/** Revokes one of the user's sessions (no-op for another user's id). Audited. */
export async function revokeSession(client: Db, args: { userId: string; sessionId: string; actor: Actor }): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const r = await tx.session.updateMany({
      where: { id: args.sessionId, userId: args.userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (r.count > 0) {
      await writeAudit(tx, { ...auditActor(args.actor), action: "session.revoke", targetType: "Session", targetId: args.sessionId });
    }
    return r.count > 0;
  });
}

/** Ends one session on sign-out (not audited: nothing about the account changes). */
export async function endSession(client: Db, sessionId: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  await client.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Revokes every live session of the user inside the caller's transaction; returns how many. */
export async function revokeUserSessions(tx: Tx, userId: string): Promise<number> {
  const r = await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return r.count;
}

/** Revokes every session of the user ("sign out everywhere"). Audited. */
export async function revokeAllSessions(
  client: Db,
  args: { userId: string; reason: string; actor: Actor },
): Promise<number> {
  return client.$transaction(async (tx) => {
    const count = await revokeUserSessions(tx, args.userId);
    await writeAudit(tx, {
      ...auditActor(args.actor),
      action: "session.revoke_all",
      targetType: "User",
      targetId: args.userId,
      after: { revoked: count, reason: args.reason },
    });
    return count;
  });
}
