"use client";
// Choose a new password with the token from the reset link.
import Link from "next/link";
import { resetPasswordAction } from "@/app/(auth)/actions";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { resetPasswordSchema } from "@/lib/validation/auth";
import { PASSWORD_MIN } from "@/lib/validation/fields";

/** New password for the link's account. A bad or used link shows its message above the form. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { state, formAction, pending, errors, onSubmit } = useValidatedAction(resetPasswordSchema, resetPasswordAction);
  if (state.ok) {
    return (
      <div className="space-y-4">
        <Alert tone="success">{state.message}</Alert>
        <Link href="/signin" className="inline-block font-medium text-indigo-700 hover:underline">
          Sign in
        </Link>
      </div>
    );
  }
  const linkError = errors.token ?? state.formError;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Choose a new password" className="space-y-4">
      {linkError ? (
        <Alert tone="error">
          {linkError}{" "}
          <Link href="/forgot-password" className="font-medium underline">
            Ask for a new link
          </Link>
        </Alert>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <TextField
        name="password"
        type="password"
        label="New password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN} characters.`}
        error={errors.password}
      />
      <Button type="submit" pending={pending} className="w-full">
        Set new password
      </Button>
    </form>
  );
}
