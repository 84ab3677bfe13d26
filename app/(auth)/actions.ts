"use server";
// Account actions anyone may call: thin — validate (publicAction), call one service, answer.
import { db } from "@/lib/db";
import { publicAction } from "@/lib/auth/action";
import { signUp } from "@/lib/auth/sign-up";
import { resendVerification } from "@/lib/auth/verify-email";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { forgotPasswordSchema, resendVerificationSchema, resetPasswordSchema, signUpSchema } from "@/lib/validation/auth";

// POST /signup
export const signUpAction = publicAction(signUpSchema, async (input, meta) => {
  const r = await signUp(db(), input, meta);
  return { ok: true, message: r.message };
});

// POST /signin (unconfirmed account) — a new confirmation link
export const resendVerificationAction = publicAction(resendVerificationSchema, async (input) => {
  const r = await resendVerification(db(), input);
  return { ok: true, message: r.message };
});

// POST /forgot-password
export const forgotPasswordAction = publicAction(forgotPasswordSchema, async (input) => {
  const r = await requestPasswordReset(db(), input);
  return { ok: true, message: r.message };
});

// POST /reset-password
export const resetPasswordAction = publicAction(resetPasswordSchema, async (input, meta) => {
  await resetPassword(db(), { ...input, ip: meta.ip });
  return { ok: true, message: "Your password was changed and every browser was signed out. Sign in with the new password." };
});
