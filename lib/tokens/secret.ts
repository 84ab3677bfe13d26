// API token secrets: 32 random bytes shown once, stored as SHA-256 (a lookup by hash costs
// microseconds, unlike a password hash), with a short prefix kept for display.
import { createHash, randomBytes } from "node:crypto";

/** Every API token starts with this, so leaked tokens are easy to recognise and scan for. */
export const TOKEN_PREFIX = "dht_";
const DISPLAY_CHARS = 12;
const TOKEN_RE = /^dht_[A-Za-z0-9_-]{43}$/;

export type NewToken = { token: string; tokenHash: string; prefix: string };

/** A fresh token: "dht_" + 43 base64url characters. */
export function generateToken(): NewToken {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, DISPLAY_CHARS) };
}

/** The stored form of a token: lower-case hex SHA-256. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a string has the shape of one of our tokens (checked before any lookup). */
export function looksLikeToken(value: string): boolean {
  return TOKEN_RE.test(value);
}
