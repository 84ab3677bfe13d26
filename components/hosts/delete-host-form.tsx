"use client";
// Deleting a host: opened on purpose, explained, and confirmed by typing the name.
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { FormState } from "@/lib/validation/form";
import { deleteHostSchema } from "@/lib/validation/hosts";

type Props = { hostId: string; display: string; quarantineDays: number; action: (prev: FormState, data: FormData) => Promise<FormState> };

/** The danger zone of the host page. */
export function DeleteHostForm({ hostId, display, quarantineDays, action }: Props) {
  const { state, formAction, pending, errors, onSubmit } = useValidatedAction(deleteHostSchema, action);
  return (
    <details className="group rounded-lg border border-red-200 bg-white p-6 shadow-sm" open={Boolean(errors.confirm || state.formError)}>
      <summary className="cursor-pointer text-lg font-semibold text-red-800">Delete this hostname</summary>
      <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Delete this hostname" className="mt-4 space-y-4">
        <p className="text-sm text-zinc-700">
          Its records leave DNS at once and its update keys stop working. The name is held back for {quarantineDays} days before anyone,
          you included, can register it again.
        </p>
        {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
        <input type="hidden" name="hostId" value={hostId} />
        <TextField name="confirm" label={`Type ${display} to confirm`} autoComplete="off" spellCheck={false} error={errors.confirm} />
        <Button type="submit" variant="danger" pending={pending}>
          Delete hostname
        </Button>
      </form>
    </details>
  );
}
