"use client";
// "Create an update key": name, record types (within the plan), allowed networks, expiry. After
// it is created the form gives way to the secret, shown once (NewKeyPanel).
import { useState } from "react";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { FormState } from "@/lib/validation/form";
import { createKeySchema, KEY_RECORD_TYPES, type KeyCreatedState } from "@/lib/validation/keys";
import { CheckboxGroup, TextArea } from "./form-controls";
import { NewKeyPanel } from "./new-key-panel";

type Props = {
  hostId: string | null;
  planTypes: string[];
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  setup: { baseUrl: string; fqdn: string } | null;
};

/** Create a key for `hostId` (or an account-wide one when null). */
export function CreateKeyForm(props: Props) {
  const [round, setRound] = useState(0);
  return <KeyForm key={round} {...props} again={() => setRound((r) => r + 1)} />;
}

function KeyForm({ hostId, planTypes, action, setup, again }: Props & { again: () => void }) {
  const { state, formAction, pending, errors, onSubmit } = useValidatedAction(createKeySchema, action);
  const created = state as KeyCreatedState;
  if (created.ok && created.secret) {
    return (
      <div className="space-y-4">
        <NewKeyPanel secret={created.secret} setup={setup} />
        <Button type="button" variant="secondary" onClick={again}>
          Create another key
        </Button>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Create an update key" className="space-y-4">
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <input type="hidden" name="hostId" value={hostId ?? ""} />
      <TextField id="key-label" name="label" label="Name (optional)" placeholder="Home router" autoComplete="off" error={errors.label} />
      <CheckboxGroup
        id="key-types"
        legend="Record types it may change"
        error={errors.types}
        options={KEY_RECORD_TYPES.map((t) => ({
          name: `type_${t}`,
          label: t,
          defaultChecked: t === "A" || t === "AAAA",
          disabled: !planTypes.includes(t),
          description: planTypes.includes(t) ? undefined : "not in your plan",
        }))}
      />
      <TextArea
        id="key-cidrs"
        name="cidrs"
        label="Allowed networks (optional)"
        rows={2}
        placeholder="192.0.2.0/24"
        hint="Only requests from these addresses or networks may use the key. Empty: any."
        error={errors.cidrs}
      />
      <TextField id="key-expires" name="expires" type="date" label="Expires (optional)" className="w-48" error={errors.expires} hint="The key stops working at the end of that day (UTC)." />
      <Button type="submit" pending={pending}>
        Create key
      </Button>
    </form>
  );
}
