// Update-key secrets: 32 random bytes shown to the owner once, stored only as SHA-256 (looked up
// by hash in microseconds, unlike a password) with a short display prefix.
import { createHash, randomBytes } from "node:crypto";

/** Every update key starts with this, so leaked keys are easy to recognise and scan for. */
export const KEY_PREFIX = "dhk_";
const DISPLAY_CHARS = 12;

export type NewSecret = { secret: string; secretHash: string; prefix: string };

// A fresh secret: "dhk_" + 43 base64url characters (URL-, config- and header-safe).
export function generateSecret(): NewSecret {
  const secret = KEY_PREFIX + randomBytes(32).toString("base64url");
  return { secret, secretHash: hashSecret(secret), prefix: secret.slice(0, DISPLAY_CHARS) };
}

// The stored form of a secret: lower-case hex SHA-256 of its UTF-8 bytes.
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

// Whether a string has the shape of one of our secrets (cheap pre-check before any lookup).
export function looksLikeSecret(value: string): boolean {
  return value.length === KEY_PREFIX.length + 43 && value.startsWith(KEY_PREFIX) && /^[A-Za-z0-9_-]+$/.test(value.slice(4));
}
