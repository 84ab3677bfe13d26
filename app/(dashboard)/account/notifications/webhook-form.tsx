"use client";
// "Add a webhook": URL and events; then the signing secret, shown once.
import { useState } from "react";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { CopyButton } from "@/components/hosts/copy-button";
import { CheckboxGroup } from "@/components/hosts/form-controls";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { WEBHOOK_EVENTS } from "@/lib/notifications/events";
import type { FormState } from "@/lib/validation/form";
import type { KeyCreatedState } from "@/lib/validation/keys";
import { createWebhookSchema } from "@/lib/validation/notifications";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;

/** The add form, or the new webhook's secret. */
export function WebhookForm({ action }: { action: Action }) {
  const [round, setRound] = useState(0);
  return <Inner key={round} action={action} again={() => setRound((r) => r + 1)} />;
}

function Inner({ action, again }: { action: Action; again: () => void }) {
  const { state, formAction, pending, errors, onSubmit } = useValidatedAction(createWebhookSchema, action);
  const created = state as KeyCreatedState;
  if (created.ok && created.secret) {
    return (
      <div className="space-y-4">
        <Alert tone="success">
          {"Webhook added. Each event is signed: compute HMAC-SHA256 of \"<Dynhost-Timestamp>.<body>\" with this secret and compare it with the Dynhost-Signature header. The secret cannot be shown again."}
        </Alert>
        <div className="flex flex-wrap items-center gap-3">
          <code aria-label="Webhook signing secret" className="break-all rounded-md bg-zinc-100 px-3 py-2 font-mono text-sm">
            {created.secret}
          </code>
          <CopyButton text={created.secret} label="Copy the signing secret" />
        </div>
        <Button type="button" variant="secondary" onClick={again}>
          Add another webhook
        </Button>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Add a webhook" className="space-y-4">
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <TextField id="webhook-url" name="url" type="url" label="URL" placeholder="https://example.com/hooks/dynhost" error={errors.url} />
      <CheckboxGroup id="webhook-events" legend="Events" error={errors.events} options={WEBHOOK_EVENTS.map((e) => ({ name: `event:${e}`, label: e, defaultChecked: true }))} />
      <Button type="submit" pending={pending}>
        Add webhook
      </Button>
    </form>
  );
}
