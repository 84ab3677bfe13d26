"use client";
// "Forgot your password?": asks for the address; the answer is the same whether it has an account.
import { forgotPasswordAction } from "@/app/(auth)/actions";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { forgotPasswordSchema } from "@/lib/validation/auth";

/** Request a reset link. */
export function ForgotPasswordForm() {
  const { state, formAction, pending, errors, onSubmit } = useValidatedAction(forgotPasswordSchema, forgotPasswordAction);
  if (state.ok) return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Reset your password" className="space-y-4">
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <TextField name="email" type="email" label="Email" autoComplete="email" required error={errors.email} />
      <Button type="submit" pending={pending} className="w-full">
        Send reset link
      </Button>
    </form>
  );
}
