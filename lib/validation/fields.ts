// Client-safe field schemas shared by every input schema (STYLE.md §6). Messages are shown next to
// the field, so they speak to the person filling the form.
import { z } from "zod";
import { hasControlChars, hasForbiddenChars } from "@/lib/validation/text";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

// The most common passwords of at least PASSWORD_MIN characters; a real breach list belongs to a
// server-side check.
const COMMON = new Set([
  "1234567890", "12345678910", "123456789a", "1q2w3e4r5t", "qwertyuiop", "password12", "password123",
  "password1234", "passw0rd123", "iloveyou12", "abcdefghij", "0123456789", "9876543210", "1111111111",
  "0000000000", "qwerty1234", "qwerty12345", "asdfghjkl1", "letmein123", "welcome123", "changeme123",
  "administrator", "1qaz2wsx3edc", "zaq12wsxcde3", "football123", "baseball123", "princess123",
]);

/** An email address: trimmed, lower-cased, at most 254 characters. */
export const emailField = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address")
  .max(254, "Email addresses are at most 254 characters")
  .pipe(z.email("Enter a valid email address, like name@example.com"));

/** A new password: 10–128 characters, no control characters, not a well-known one. */
export const newPasswordField = z
  .string({ error: "Choose a password" })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)
  .refine((p) => !hasControlChars(p), "Passwords cannot contain control characters")
  .refine((p) => !COMMON.has(p.toLowerCase()) && !/^(.)\1+$/.test(p), "This password is too easy to guess");

/** A password being checked at sign-in (the strength rules may have changed since it was set). */
export const currentPasswordField = z
  .string({ error: "Enter your password" })
  .min(1, "Enter your password")
  .max(PASSWORD_MAX, `Passwords are at most ${PASSWORD_MAX} characters`);

/** An optional display name: at most 80 characters, no control, bidi or invisible characters. */
export const nameField = z
  .string()
  .refine((n) => !hasForbiddenChars(n), "Names cannot contain control, bidi or invisible characters")
  .trim()
  .max(80, "Use at most 80 characters")
  .transform((n) => n.normalize("NFC") || undefined)
  .optional();

/** A 6-digit authenticator code; spaces are ignored ("123 456"). */
export const totpCodeField = z
  .string({ error: "Enter the 6-digit code from your authenticator app" })
  .transform((c) => c.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app"));

/** A one-time token from an emailed link. */
export const linkTokenField = z
  .string({ error: "This link is incomplete" })
  .regex(/^[A-Za-z0-9_-]{20,128}$/, "This link is incomplete or damaged");
