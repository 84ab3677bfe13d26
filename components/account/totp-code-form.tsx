"use client";
// A form asking for one TOTP code (confirm setup, turn off).
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { totpCodeSchema } from "@/lib/validation/auth";
import type { FormState } from "@/lib/validation/form";

type Props = {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  submitLabel: string;
  formLabel: string;
  variant?: "primary" | "danger";
};

/** Code field + submit; shows the server's answer. */
export function TotpCodeForm({ action, submitLabel, formLabel, variant = "primary" }: Props) {
  const { state, formAction, pending, errors, onSubmit } = useValidatedAction(totpCodeSchema, action);
  if (state.ok) return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label={formLabel} className="flex flex-wrap items-end gap-3">
      <TextField
        name="code"
        label="Authentication code"
        inputMode="numeric"
        autoComplete="one-time-code"
        placeholder="123456"
        className="w-48"
        error={errors.code}
      />
      <Button type="submit" variant={variant} pending={pending}>
        {submitLabel}
      </Button>
      {state.formError ? (
        <div className="w-full">
          <Alert tone="error">{state.formError}</Alert>
        </div>
      ) : null}
    </form>
  );
}
