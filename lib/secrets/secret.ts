// THE secret generator: update keys, API tokens, reporter keys and one-time mail links are 32
// random bytes (base64url), shown once and stored only as SHA-256 (looked up by hash in
// microseconds, unlike a password). Keys and tokens carry a prefix, so a leaked one is easy to
// recognise and scan for, and a short display prefix is kept beside the hash.
import { createHash, randomBytes } from "node:crypto";

/** `webhook` signing secrets are the exception that is kept in clear: we must sign with them. */
export const SECRET_PREFIXES = { updateKey: "dhk_", apiToken: "dht_", reporterKey: "dhr_", link: "", webhook: "whsec_" } as const;
export type SecretKind = keyof typeof SECRET_PREFIXES;

const DISPLAY_CHARS = 12;
const BODY = /^[A-Za-z0-9_-]{43}$/;

export type NewSecret = { secret: string; secretHash: string; prefix: string };

/** A fresh secret: the kind's prefix + 43 base64url characters (URL-, config- and header-safe). */
export function generateSecret(kind: SecretKind): NewSecret {
  const secret = SECRET_PREFIXES[kind] + randomBytes(32).toString("base64url");
  return { secret, secretHash: hashSecret(secret), prefix: secret.slice(0, DISPLAY_CHARS) };
}

/** The stored form of a secret: lower-case hex SHA-256 of its UTF-8 bytes. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Whether a string has the shape of a secret of this kind (cheap pre-check before any lookup). */
export function looksLikeSecret(kind: SecretKind, value: string): boolean {
  const prefix = SECRET_PREFIXES[kind];
  return value.length === prefix.length + 43 && value.startsWith(prefix) && BODY.test(value.slice(prefix.length));
}
