// One schema per account input, imported by the form (client validation) and by the server action
// or service (the authority). Client-safe.
import { z } from "zod";
import {
  currentPasswordField,
  emailField,
  linkTokenField,
  nameField,
  newPasswordField,
  totpCodeField,
} from "@/lib/validation/fields";

/** POST /signup */
export const signUpSchema = z
  .object({ email: emailField, password: newPasswordField, name: nameField })
  .refine((v) => v.password.toLowerCase() !== v.email, {
    path: ["password"],
    message: "Your password cannot be your email address",
  });
export type SignUpInput = z.input<typeof signUpSchema>;

/** /signin (next-auth credentials); `totp` only when the account has two-factor authentication. */
export const signInSchema = z.object({
  email: emailField,
  password: currentPasswordField,
  totp: z.union([z.literal("").transform(() => undefined), totpCodeField]).optional(),
});
export type SignInInput = z.input<typeof signInSchema>;

/** /forgot-password */
export const forgotPasswordSchema = z.object({ email: emailField });

/** "Send a new confirmation link" on /signin */
export const resendVerificationSchema = z.object({ email: emailField });

/** /reset-password?token= */
export const resetPasswordSchema = z.object({ token: linkTokenField, password: newPasswordField });

/** /verify-email?token= */
export const verifyEmailSchema = z.object({ token: linkTokenField });

/** TOTP confirm / disable on /account/security. */
export const totpCodeSchema = z.object({ code: totpCodeField });
