"use client";
// Which events are mailed: one checkbox per event of the catalogue, saved together.
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { CheckboxGroup } from "@/components/hosts/form-controls";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SavedNote } from "@/components/ui/field";
import { EMAIL_EVENTS, EMAIL_EVENT_NAMES, type EmailEvent } from "@/lib/notifications/events";
import type { FormState } from "@/lib/validation/form";
import { preferencesSchema } from "@/lib/validation/notifications";

type Props = { current: Record<EmailEvent, boolean>; action: (prev: FormState, data: FormData) => Promise<FormState> };

/** The mail preferences form. */
export function PreferencesForm({ current, action }: Props) {
  const { state, formAction, pending, onSubmit } = useValidatedAction(preferencesSchema, action);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Email notifications" className="space-y-4">
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <CheckboxGroup
        id="email-events"
        legend="Mail me when"
        column
        options={EMAIL_EVENT_NAMES.map((e) => ({ name: `email:${e}`, label: EMAIL_EVENTS[e].label, defaultChecked: current[e] }))}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" pending={pending}>
          Save preferences
        </Button>
        <SavedNote state={state} pending={pending} />
      </div>
    </form>
  );
}
