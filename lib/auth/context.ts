// The auth wrappers for server components and server actions: requireUser(), requireRole(...).
// They re-read the Session row and the user on every request (once per request, cached).
import { cache } from "react";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { authOptions } from "@/lib/auth/options";
import { isStaff } from "@/lib/auth/roles";
import { loadSession, type SessionUser } from "@/lib/auth/sessions";

/** The signed-in caller. `mfa`: TOTP was checked at sign-in, or turned on during this session. */
export type AuthContext = { user: SessionUser; role: Role; sessionId: string; mfa: boolean };

/** The caller of this request, or null (not signed in, or the session was revoked or expired). */
export const currentUser = cache(async (): Promise<AuthContext | null> => {
  // Read the request first: it marks the page dynamic before any configuration is needed.
  await headers();
  const s = await getServerSession(authOptions());
  if (!s?.sid) return null;
  const live = await loadSession(db(), s.sid);
  if (!live) return null;
  const { user, session } = live;
  const enabledHere = user.totpEnabledAt !== null && user.totpEnabledAt >= session.createdAt;
  return { user, role: user.role, sessionId: session.id, mfa: user.totpEnabledAt !== null && (s.mfa || enabledHere) };
});

/** requireUser — the signed-in caller; redirects to /signin otherwise. */
export async function requireUser(): Promise<AuthContext> {
  const ctx = await currentUser();
  if (!ctx) redirect("/signin");
  return ctx;
}

/**
 * requireRole — the caller when their role is one of `roles`; anyone else gets a 404 (the page does
 * not exist for them). Staff MUST have TOTP on and checked for this session, else they are sent to
 * /account/security to enable it (or to sign in again with a code).
 */
export async function requireRole(...roles: Role[]): Promise<AuthContext> {
  const ctx = await requireUser();
  if (!roles.includes(ctx.role)) notFound();
  if (isStaff(ctx.role) && !ctx.mfa) redirect("/account/security?staff=totp");
  return ctx;
}

/** The client address and user agent of this request (the server entry sets CLIENT_IP_HEADER). */
export async function requestMeta(): Promise<{ ip: string; userAgent: string | null }> {
  const h = await headers();
  return { ip: h.get(CLIENT_IP_HEADER) ?? "unknown", userAgent: h.get("user-agent") };
}
