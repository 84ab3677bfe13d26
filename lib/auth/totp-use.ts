// A TOTP code is good once (RFC 6238 §5.2: "the verifier MUST NOT accept the second attempt of the
// OTP after the successful validation has been issued for the first OTP"). Accepting a code records
// its time step on the user, atomically: a code of that step or an older one is refused afterwards,
// so a code seen over a shoulder or in a log cannot be replayed within its 90-second window.
import type { Db, Tx } from "@/lib/db";
import { matchTotp } from "./totp";

/** Checks `code` against `secret` and consumes its step; false for a wrong or already used code. */
export async function useTotpCode(client: Db | Tx, args: { userId: string; secret: string; code: string; now?: number }): Promise<boolean> {
  const step = matchTotp(args.secret, args.code, args.now ?? Date.now());
  if (step === null) return false;
  const n = await client.$executeRawUnsafe(
    `UPDATE "User" SET "totpLastStep" = $2 WHERE "id" = $1::uuid AND ("totpLastStep" IS NULL OR "totpLastStep" < $2)`,
    args.userId,
    step,
  );
  return n === 1;
}
