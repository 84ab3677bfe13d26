// Account settings inputs: profile, password change and account deletion. Client-safe; the
// services in lib/account re-check the current password on the server.
import { z } from "zod";
import { currentPasswordField, linkTokenField, nameField, newPasswordField } from "./fields";

/** Profile: the display name (empty clears it). */
export const profileSchema = z.object({ name: nameField });

/** Change the password: the current one, then the new one. */
export const changePasswordSchema = z
  .object({ currentPassword: currentPasswordField, newPassword: newPasswordField })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ["newPassword"], message: "Choose a password different from your current one." });

/** Delete the account: the password, and a box saying the user understands. */
export const deleteAccountSchema = z.object({
  password: currentPasswordField,
  understand: z.literal("on", { error: "Tick the box to confirm that your hostnames will be deleted." }),
});

/** /liveness?token= — the link from a liveness reminder. */
export const livenessLinkSchema = z.object({ token: linkTokenField });
