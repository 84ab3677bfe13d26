// Credential → Principal for update requests: an update key (per host or account-wide) given as
// the Basic password (No-IP style), the Basic user name, a bearer token or a DuckDNS token; or the
// account email + password (argon2id once, then remembered — lib/keys/account-password.ts).
import { db } from "@/lib/db";
import { verifyAccountPassword } from "@/lib/keys/account-password";
import { cidrAllows } from "@/lib/keys/cidrs";
import type { Principal } from "@/lib/keys/principal";
import { looksLikeSecret } from "@/lib/secrets/secret";
import { verifyUpdateKey } from "@/lib/keys/verify-update-key";
import type { Credentials } from "@/lib/updates/protocols/credentials";
import type { UpdateReason } from "@/lib/updates/reasons";

export type AuthResult = { ok: true; principal: Principal } | { ok: false; reason: UpdateReason };

/** Verifies the credentials for a request from `sourceIp`. Throws AppError UNAVAILABLE when overloaded. */
export async function authenticate(creds: Credentials, sourceIp: string, opts: { allowPassword?: boolean } = {}): Promise<AuthResult> {
  const secret = looksLikeSecret("updateKey", creds.password) ? creds.password : looksLikeSecret("updateKey", creds.username) ? creds.username : null;
  let principal: Principal | null = null;
  if (secret) {
    principal = await verifyUpdateKey(db(), secret);
    if (!principal) return { ok: false, reason: "unknown_key" };
  } else if (opts.allowPassword !== false && creds.username.includes("@") && creds.password) {
    principal = await verifyAccountPassword(db(), creds.username, creds.password);
    if (!principal) return { ok: false, reason: "bad_password" };
  } else {
    return { ok: false, reason: "bad_credentials" };
  }
  if (!cidrAllows(principal.cidrs, sourceIp)) return { ok: false, reason: "source_not_allowed" };
  return { ok: true, principal };
}
