"use client";
// The setup page's body: the settings with a placeholder key, and a button that creates a key
// (A and AAAA, named "Router setup") and fills it in — shown once.
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/validation/form";
import type { KeyCreatedState } from "@/lib/validation/keys";
import { NewKeyPanel } from "./new-key-panel";
import { SetupConfigs } from "./setup-configs";

type Props = { hostId: string; baseUrl: string; fqdn: string; createKey: (prev: FormState, data: FormData) => Promise<FormState> };

/** Settings for every supported client. */
export function SetupPanel({ hostId, baseUrl, fqdn, createKey }: Props) {
  const [state, formAction, pending] = useActionState(createKey, {});
  const created = state as KeyCreatedState;
  if (created.ok && created.secret) return <NewKeyPanel secret={created.secret} setup={{ baseUrl, fqdn }} />;
  return (
    <div className="space-y-6">
      <form action={formAction} aria-label="Create a key for this setup" className="flex flex-wrap items-center gap-3 rounded-md bg-zinc-50 px-4 py-3">
        <input type="hidden" name="hostId" value={hostId} />
        <input type="hidden" name="label" value="Router setup" />
        <input type="hidden" name="type_A" value="on" />
        <input type="hidden" name="type_AAAA" value="on" />
        <p className="flex-1 text-sm text-zinc-700">No key at hand? Create one that may update this hostname&apos;s addresses, and it is filled in below.</p>
        <Button type="submit" pending={pending}>
          Create a key and fill it in
        </Button>
        {state.formError || state.fieldErrors ? (
          <div className="w-full">
            <Alert tone="error">{state.formError ?? Object.values(state.fieldErrors ?? {})[0]}</Alert>
          </div>
        ) : null}
      </form>
      <SetupConfigs baseUrl={baseUrl} fqdn={fqdn} secret={null} />
    </div>
  );
}
