// Password hashing: argon2id with @node-rs/argon2's defaults (m=19 MiB, t=2, p=1; ~50 ms here).
import { hash, verify } from "@node-rs/argon2";

/** An argon2id PHC string for `password`. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let dummy: Promise<string> | undefined;

/**
 * True when `password` matches `passwordHash`. With no hash (unknown account) it still spends the
 * time of one verification, so response time does not tell whether an account exists.
 */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummy ??= hash("dynhost timing equaliser");
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}
