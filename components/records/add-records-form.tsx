"use client";
// "Add records": a type the name does not have yet (among the plan's types), its values and TTL,
// at the host itself, its wildcard or its _acme-challenge (the hidden `name`).
import { useMemo, useState } from "react";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { SelectField, TextArea } from "@/components/hosts/form-controls";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { FormState } from "@/lib/validation/form";
import { recordsSchema, type RecordName, type SettableType } from "@/lib/validation/records";
import { NAME_LABELS } from "./name-labels";
import { hintFor } from "./type-hints";

type Props = {
  hostId: string;
  name: RecordName;
  types: SettableType[];
  minTtl: number;
  defaultTtl: number;
  save: (prev: FormState, data: FormData) => Promise<FormState>;
};

/** The form adding a new rrset at `name`. */
export function AddRecordsForm({ hostId, name, types, minTtl, defaultTtl, save }: Props) {
  const schema = useMemo(() => recordsSchema({ minTtl }), [minTtl]);
  const { state, formAction, pending, errors, onSubmit } = useValidatedAction(schema, save);
  const [type, setType] = useState<SettableType>(types[0] ?? "A");
  if (types.length === 0) return null;
  const { inline, slug } = NAME_LABELS[name];
  const id = `add-${slug}`;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label={`Add ${inline}records`} className="space-y-3">
      <input type="hidden" name="hostId" value={hostId} />
      <input type="hidden" name="name" value={name} />
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      {errors.name ? <Alert tone="error">{errors.name}</Alert> : null}
      <div className="flex flex-wrap items-start gap-3">
        <SelectField id={`${id}type`} name="type" label="Record type" value={type} onChange={(e) => setType(e.target.value as SettableType)} error={errors.type} className="w-36">
          {types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </SelectField>
        <TextArea
          id={`${id}values`}
          name="values"
          label="Values"
          rows={2}
          placeholder={hintFor(name, type).placeholder}
          hint={hintFor(name, type).hint}
          spellCheck={false}
          error={errors.values}
          className="min-w-64 flex-1"
        />
        <TextField id={`${id}ttl`} name="ttl" label="TTL (seconds)" inputMode="numeric" defaultValue={String(defaultTtl)} hint={`At least ${minTtl}`} error={errors.ttl} className="w-36" />
      </div>
      <Button type="submit" pending={pending}>
        {`Add ${inline}records`}
      </Button>
    </form>
  );
}
