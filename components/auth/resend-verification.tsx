"use client";
// "Send a new confirmation link" for an account whose address is not confirmed yet.
import { resendVerificationAction } from "@/app/(auth)/actions";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { resendVerificationSchema } from "@/lib/validation/auth";

/** A one-button form carrying the address typed at sign-in. */
export function ResendVerification({ email }: { email: string }) {
  const { state, formAction, pending, onSubmit } = useValidatedAction(resendVerificationSchema, resendVerificationAction);
  if (state.ok) return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={formAction} onSubmit={onSubmit} aria-label="Send a new confirmation link">
      <input type="hidden" name="email" value={email} />
      <Button type="submit" variant="secondary" pending={pending} className="w-full">
        Send a new confirmation link
      </Button>
    </form>
  );
}
