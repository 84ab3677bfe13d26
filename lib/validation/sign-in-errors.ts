// Sign-in failures travel from next-auth's authorize() to the browser as a short string
// ("THROTTLED:600"); this module encodes them and turns them into a message next to a field.
// Client-safe.

export type SignInReason = "INVALID" | "THROTTLED" | "TOTP_REQUIRED" | "TOTP_INVALID" | "UNVERIFIED" | "INPUT";

/** The string authorize() throws. */
export function encodeSignInError(reason: SignInReason, retryAfterS?: number): string {
  return retryAfterS === undefined ? reason : `${reason}:${retryAfterS}`;
}

export type SignInErrorView = { reason: SignInReason | "UNKNOWN"; field?: "email" | "password" | "totp"; message: string };

function minutes(s: number): string {
  const m = Math.max(1, Math.ceil(s / 60));
  return m === 1 ? "1 minute" : `${m} minutes`;
}

/** What the sign-in form shows for an error string from next-auth. */
export function describeSignInError(error: string): SignInErrorView {
  const [reason, arg] = error.split(":");
  switch (reason) {
    case "INVALID":
      return { reason, field: "password", message: "Email or password is incorrect." };
    case "THROTTLED":
      return {
        reason,
        message: `Too many failed sign-in attempts. Wait ${minutes(Number(arg) || 900)} and try again, or reset your password.`,
      };
    case "TOTP_REQUIRED":
      return { reason, field: "totp", message: "Enter the 6-digit code from your authenticator app." };
    case "TOTP_INVALID":
      return { reason, field: "totp", message: "That code is not valid. Check your device's clock and try a new code." };
    case "UNVERIFIED":
      return { reason, field: "email", message: "Confirm your email address first: open the link we mailed you." };
    case "INPUT":
      return { reason, message: "Check the form: something is missing or too long." };
    default:
      return { reason: "UNKNOWN", message: "Sign-in failed. Please try again." };
  }
}
