"use server";
// Profile actions: each re-checks the caller (userAction) and calls one service in lib/account.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { changePassword } from "@/lib/account/change-password";
import { deleteAccount } from "@/lib/account/delete-account";
import { updateProfile } from "@/lib/account/update-profile";
import { userAction } from "@/lib/auth/action";
import { changePasswordSchema, deleteAccountSchema, profileSchema } from "@/lib/validation/profile";

// POST /account/profile — the display name
export const saveProfileAction = userAction(profileSchema, async ({ name }, ctx) => {
  await updateProfile(db(), { userId: ctx.user.id, name, ip: ctx.ip });
  revalidatePath("/", "layout");
  return { ok: true, message: "Saved." };
});

// POST /account/profile — a new password (the current one re-checked); other browsers signed out
export const changePasswordAction = userAction(changePasswordSchema, async ({ currentPassword, newPassword }, ctx) => {
  const { otherSessionsSignedOut } = await changePassword(db(), { userId: ctx.user.id, currentPassword, newPassword, keepSessionId: ctx.sessionId, ip: ctx.ip });
  return {
    ok: true,
    message: `Your password was changed${otherSessionsSignedOut ? ` and ${otherSessionsSignedOut} other browser${otherSessionsSignedOut === 1 ? " was" : "s were"} signed out` : ""}.`,
  };
});

// POST /account/profile — close the account: hosts leave DNS, the audit log stays
export const deleteAccountAction = userAction(deleteAccountSchema, async ({ password }, ctx) => {
  const { hostsDeleted } = await deleteAccount(db(), { userId: ctx.user.id, password, ip: ctx.ip });
  return { ok: true, message: `Deleted, with ${hostsDeleted.length} hostname${hostsDeleted.length === 1 ? "" : "s"}.` };
});
