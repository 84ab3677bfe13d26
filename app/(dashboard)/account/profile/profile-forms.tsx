"use client";
// The profile page's forms: name, password change, account deletion.
import { signOut } from "next-auth/react";
import { useEffect } from "react";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SavedNote } from "@/components/ui/field";
import { TextField } from "@/components/ui/text-field";
import { PASSWORD_MIN } from "@/lib/validation/fields";
import type { FormState } from "@/lib/validation/form";
import { changePasswordSchema, deleteAccountSchema, profileSchema } from "@/lib/validation/profile";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;


/** Display name. */
export function ProfileForm({ name, action }: { name: string | null; action: Action }) {
  const { state, formAction, pending, errors, onSubmit } = useValidatedAction(profileSchema, action);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Profile" className="space-y-4">
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <TextField id="profile-name" className="max-w-md" name="name" label="Name (optional)" autoComplete="name" defaultValue={name ?? ""} error={errors.name} />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={pending}>
          Save profile
        </Button>
        <SavedNote state={state} pending={pending} />
      </div>
    </form>
  );
}

/** Current password + new password. */
export function PasswordForm({ action }: { action: Action }) {
  const { state, formAction, pending, errors, onSubmit } = useValidatedAction(changePasswordSchema, action);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Change password" className="space-y-4">
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <TextField id="current-password" className="max-w-md" name="currentPassword" type="password" label="Current password" autoComplete="current-password" error={errors.currentPassword} />
      <TextField
        id="new-password"
        className="max-w-md"
        name="newPassword"
        type="password"
        label="New password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={errors.newPassword}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={pending}>
          Change password
        </Button>
        <SavedNote state={state} pending={pending} />
      </div>
    </form>
  );
}

/** The danger zone: password + acknowledgement; then sign out and leave. */
export function DeleteAccountForm({ hostCount, action }: { hostCount: number; action: Action }) {
  const { state, formAction, pending, errors, onSubmit } = useValidatedAction(deleteAccountSchema, action);
  useEffect(() => {
    if (!state.ok) return;
    void signOut({ redirect: false }).finally(() => window.location.assign("/account/profile/deleted"));
  }, [state.ok]);
  if (state.ok) return <Alert tone="success">Your account was deleted. Signing you out…</Alert>;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Delete account" className="space-y-4">
      <p className="text-sm text-zinc-700">
        This deletes your {hostCount} hostname{hostCount === 1 ? "" : "s"} (they leave DNS at once), your update keys, API tokens and webhooks. We keep
        the audit log of what happened on the account.
      </p>
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <TextField id="delete-password" className="max-w-md" name="password" type="password" label="Your password" autoComplete="current-password" error={errors.password} />
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm text-zinc-800">
          <input
            type="checkbox"
            name="understand"
            aria-invalid={errors.understand ? true : undefined}
            aria-describedby={errors.understand ? "understand-error" : undefined}
            className="h-4 w-4 rounded border-zinc-300"
          />
          I understand that my hostnames and keys are gone for good
        </label>
        {errors.understand ? (
          <p id="understand-error" className="text-sm text-red-700">
            {errors.understand}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant="danger" pending={pending}>
        Delete my account
      </Button>
    </form>
  );
}
