"use client";
// "Create an API token": name, scopes (each explained), expiry; then the token, shown once.
import { useState } from "react";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { CopyButton } from "@/components/hosts/copy-button";
import { CheckboxGroup } from "@/components/hosts/form-controls";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { API_SCOPES, SCOPE_DESCRIPTIONS } from "@/lib/tokens/scopes";
import { createApiTokenSchema } from "@/lib/validation/api-tokens";
import type { FormState } from "@/lib/validation/form";
import type { KeyCreatedState } from "@/lib/validation/keys";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

/** The create form, or the new token. */
export function TokenForm({ action }: { action: Action }) {
  const [round, setRound] = useState(0);
  return <Inner key={round} action={action} again={() => setRound((r) => r + 1)} />;
}

function Inner({ action, again }: { action: Action; again: () => void }) {
  const { state, formAction, pending, errors, onSubmit } = useValidatedAction(createApiTokenSchema, action);
  const created = state as KeyCreatedState;
  if (created.ok && created.secret) {
    return (
      <div className="space-y-4">
        <Alert tone="success">Your new API token is below. Copy it now: it cannot be shown again.</Alert>
        <div className="flex flex-wrap items-center gap-3">
          <code aria-label="New API token" className="break-all rounded-md bg-zinc-100 px-3 py-2 font-mono text-sm">
            {created.secret}
          </code>
          <CopyButton text={created.secret} label="Copy the API token" />
        </div>
        <p className="text-sm text-zinc-600">
          Send it as <code className="font-mono">Authorization: Bearer …</code> to <code className="font-mono">/api/v1</code> (see the{" "}
          <a href="/api/v1/docs" className="font-medium text-indigo-700 hover:underline">
            API documentation
          </a>
          ).
        </p>
        <Button type="button" variant="secondary" onClick={again}>
          Create another token
        </Button>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Create an API token" className="space-y-4">
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <TextField id="token-label" name="label" label="Name (optional)" placeholder="Home automation" autoComplete="off" error={errors.label} />
      <CheckboxGroup
        id="token-scopes"
        legend="What it may do"
        column
        error={errors.scopes}
        options={API_SCOPES.map((s) => ({ name: `scope:${s}`, label: s, description: SCOPE_DESCRIPTIONS[s], defaultChecked: s.endsWith(":read") }))}
      />
      <TextField id="token-expires" name="expires" type="date" label="Expires (optional)" className="w-48" error={errors.expires} />
      <Button type="submit" pending={pending}>
        Create token
      </Button>
    </form>
  );
}
