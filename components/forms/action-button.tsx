"use client";
// A one-button form for a server action that takes no typed input (hidden fields only).
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/validation/form";

type Props = {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  label: string;
  /** The form's accessible name (several buttons may share a label). */
  formLabel?: string;
  fields?: Record<string, string>;
  variant?: "primary" | "secondary" | "danger";
};

/** Button + its error message. */
export function ActionButton({ action, label, formLabel, fields = {}, variant = "secondary" }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const error = state.formError ?? Object.values(state.fieldErrors ?? {})[0];
  return (
    <form action={formAction} aria-label={formLabel ?? label} className="space-y-2">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Button type="submit" variant={variant} pending={pending}>
        {label}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </form>
  );
}
