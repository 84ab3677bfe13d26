// The account mails. Plain text; links are absolute (PUBLIC_URL).
import { publicUrl } from "@/lib/env";

const PRODUCT = "dynhost";

function link(path: string, token: string): string {
  return `${publicUrl()}${path}?token=${token}`;
}

/** Sent after sign-up: confirm the address. */
export function verifyEmailMail(to: string, token: string) {
  return {
    to,
    subject: `Confirm your email address for ${PRODUCT}`,
    text: `Welcome to ${PRODUCT}.\n\nConfirm your email address by opening this link (valid for 48 hours):\n\n${link("/verify-email", token)}\n\nIf you did not sign up, ignore this message.\n`,
    secrets: [token],
  };
}

/** Sent when someone signs up with an address that already has an account. */
export function accountExistsMail(to: string, verifyToken?: string) {
  const verify = verifyToken
    ? `Your address is not confirmed yet. Confirm it with this link (valid for 48 hours):\n\n${link("/verify-email", verifyToken)}\n\n`
    : "";
  return {
    to,
    subject: `You already have a ${PRODUCT} account`,
    text: `Someone (hopefully you) tried to sign up for ${PRODUCT} with this address, which already has an account.\n\n${verify}Sign in: ${publicUrl()}/signin\nForgot your password? ${publicUrl()}/forgot-password\n\nIf this was not you, you can ignore this message: nothing changed.\n`,
    secrets: verifyToken ? [verifyToken] : [],
  };
}

/** Sent on "forgot password" for an existing account. */
export function resetPasswordMail(to: string, token: string) {
  return {
    to,
    subject: `Reset your ${PRODUCT} password`,
    text: `Someone asked to reset the password of your ${PRODUCT} account.\n\nChoose a new password with this link (valid for 1 hour, once):\n\n${link("/reset-password", token)}\n\nIf this was not you, ignore this message: your password stays the same.\n`,
    secrets: [token],
  };
}

/** Sent after the password changed through a reset link. */
export function passwordChangedMail(to: string) {
  return {
    to,
    subject: `Your ${PRODUCT} password was changed`,
    text: `The password of your ${PRODUCT} account was just changed and every signed-in browser was signed out.\n\nIf this was not you, reset your password now: ${publicUrl()}/forgot-password\n`,
  };
}
