"use client";
// "Create a hostname": domain + name, checked as the user types with the shared schema's label
// rules, with a preview of the full name and its punycode form for international names. Taken and
// quarantined names, and the plan limit, come back from the server.
import { useState } from "react";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { checkHostLabel } from "@/lib/validation/host-label";
import { createHostSchema } from "@/lib/validation/hosts";
import type { FormState } from "@/lib/validation/form";
import { SelectField } from "./form-controls";

type Props = { zones: string[]; action: (prev: FormState, data: FormData) => Promise<FormState> };

/** The create form; `zones` are the domains open for registration (ASCII). */
export function CreateHostForm({ zones, action }: Props) {
  const { state, formAction, pending, errors, onSubmit } = useValidatedAction(createHostSchema, action);
  const [label, setLabel] = useState("");
  const [zone, setZone] = useState(zones[0] ?? "");
  const [answered, setAnswered] = useState<string | null>(null);
  const check = label.trim() ? checkHostLabel(label) : null;
  // A server answer about the name holds until the name changes; typing re-checks at once.
  const serverLabelError = answered === label ? errors.label : undefined;
  const labelError = serverLabelError ?? (check && !check.ok ? check.message : label === "" ? errors.label : undefined);
  const typed = label.trim().toLowerCase();
  const preview = check?.ok ? { shown: `${typed}.${zone}`, ascii: `${check.ascii}.${zone}` } : null;

  if (zones.length === 0) return <Alert tone="info">No domain accepts new hostnames at the moment.</Alert>;
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        setAnswered(label);
        onSubmit(e);
      }}
      noValidate
      aria-label="Create a hostname"
      className="space-y-4"
    >
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <div className="flex flex-wrap items-start gap-3">
        <TextField
          name="label"
          label="Name"
          autoComplete="off"
          spellCheck={false}
          placeholder="myhome"
          className="min-w-48 flex-1"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          error={labelError}
          hint="Letters, digits and hyphens; international letters work too."
        />
        <SelectField id="field-zone" name="zone" label="Domain" value={zone} onChange={(e) => setZone(e.target.value)} error={errors.zone} className="min-w-48">
          {zones.map((z) => (
            <option key={z} value={z}>
              .{z}
            </option>
          ))}
        </SelectField>
      </div>
      <p aria-live="polite" className="min-h-5 text-sm text-zinc-600" data-testid="hostname-preview">
        {preview ? (
          <>
            Your hostname: <span className="font-medium text-zinc-900">{preview.shown}</span>
            {preview.ascii !== preview.shown ? (
              <>
                {" "}
                — in DNS: <code className="font-mono text-zinc-900">{preview.ascii}</code>
              </>
            ) : null}
          </>
        ) : null}
      </p>
      <Button type="submit" pending={pending}>
        Create hostname
      </Button>
    </form>
  );
}
