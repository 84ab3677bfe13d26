"use client";
// One rrset of the host in the records editor (at the host, its wildcard or _acme-challenge): its
// values (one per line) and TTL, saved together; a separate button removes the whole rrset.
// Checked in the browser with the shared schema, then by setRecords on the server (canonical
// values, plan, CNAME rules).
import { useMemo } from "react";
import { ActionButton } from "@/components/forms/action-button";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { TextArea } from "@/components/hosts/form-controls";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SavedNote } from "@/components/ui/field";
import { TextField } from "@/components/ui/text-field";
import type { FormState } from "@/lib/validation/form";
import { recordsSchema, type RecordName, type SettableType } from "@/lib/validation/records";
import { NAME_LABELS } from "./name-labels";
import { hintFor } from "./type-hints";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
type Props = { hostId: string; name: RecordName; type: SettableType; ttl: number; records: string[]; live: boolean; minTtl: number; save: Action; remove: Action };

/** The editor of one existing rrset. */
export function RRsetForm({ hostId, name, type, ttl, records, live, minTtl, save, remove }: Props) {
  const schema = useMemo(() => recordsSchema({ minTtl }), [minTtl]);
  const { state, formAction, pending, errors, onSubmit } = useValidatedAction(schema, save);
  const { prefix, inline, slug } = NAME_LABELS[name];
  const id = `rrset-${slug}${type}`;
  return (
    <div className="rounded-md border border-zinc-200 p-4">
      <div className="mb-3 flex items-start justify-between gap-3">
        <div className="flex items-center gap-3 pt-1.5">
          <h3 className="font-mono text-sm font-semibold text-zinc-900">{type}</h3>
          <span className={`text-xs font-medium ${live ? "text-emerald-700" : "text-amber-700"}`}>{live ? "Live in DNS" : "Pending DNS sync"}</span>
        </div>
        <ActionButton action={remove} label={`Remove ${inline}${type}`} fields={{ hostId, name, type }} />
      </div>
      <form action={formAction} onSubmit={onSubmit} noValidate aria-label={`${prefix}${type} records`} className="space-y-3">
        <input type="hidden" name="hostId" value={hostId} />
        <input type="hidden" name="name" value={name} />
        <input type="hidden" name="type" value={type} />
        {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
        {errors.name ? <Alert tone="error">{errors.name}</Alert> : null}
        {errors.type ? <Alert tone="error">{errors.type}</Alert> : null}
        <div className="flex flex-wrap items-start gap-3">
          <TextArea
            id={`${id}-values`}
            name="values"
            label="Values"
            rows={Math.min(Math.max(records.length, 1) + 1, 8)}
            defaultValue={records.join("\n")}
            placeholder={hintFor(name, type).placeholder}
            spellCheck={false}
            error={errors.values}
            className="min-w-64 flex-1"
          />
          <TextField id={`${id}-ttl`} name="ttl" label="TTL (seconds)" inputMode="numeric" defaultValue={String(ttl)} error={errors.ttl} className="w-36" />
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" pending={pending}>
            {`Save ${inline}${type}`}
          </Button>
          <SavedNote state={state} pending={pending} />
        </div>
      </form>
    </div>
  );
}
