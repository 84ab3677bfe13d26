"use server";
// Security settings actions: each re-checks the caller (userAction) and calls one service.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { userAction } from "@/lib/auth/action";
import { revokeAllSessions, revokeSession } from "@/lib/auth/sessions";
import { confirmTotp, disableTotp, startTotpSetup } from "@/lib/auth/totp-settings";
import { totpCodeSchema } from "@/lib/validation/auth";
import { callerActor } from "@/lib/auth/actor";

const PAGE = "/account/security";
const noInput = z.object({});

// POST /account/security — start TOTP setup (a new pending secret)
export const startTotpAction = userAction(noInput, async (_input, ctx) => {
  await startTotpSetup(db(), { userId: ctx.user.id, ip: ctx.ip });
  revalidatePath(PAGE);
  return {};
});

// POST /account/security — confirm the pending secret with a code
export const confirmTotpAction = userAction(totpCodeSchema, async ({ code }, ctx) => {
  await confirmTotp(db(), { userId: ctx.user.id, code, ip: ctx.ip });
  revalidatePath(PAGE);
  return { ok: true, message: "Two-factor authentication is on." };
});

// POST /account/security — turn TOTP off with a code
export const disableTotpAction = userAction(totpCodeSchema, async ({ code }, ctx) => {
  await disableTotp(db(), { userId: ctx.user.id, code, ip: ctx.ip });
  revalidatePath(PAGE);
  return { ok: true, message: "Two-factor authentication is off." };
});

// POST /account/security — sign out one other browser
export const revokeSessionAction = userAction(z.object({ sessionId: z.uuid() }), async ({ sessionId }, ctx) => {
  await revokeSession(db(), { userId: ctx.user.id, sessionId, actor: callerActor(ctx) });
  revalidatePath(PAGE);
  return {};
});

// POST /account/security — sign out everywhere, this browser included
export const signOutEverywhereAction = userAction(noInput, async (_input, ctx) => {
  await revokeAllSessions(db(), { userId: ctx.user.id, reason: "user", actor: callerActor(ctx) });
  redirect("/signin?notice=signed-out-everywhere");
});
