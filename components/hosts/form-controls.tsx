// Form controls beside components/ui/text-field.tsx, on the same labelled Field
// (components/ui/field.tsx). Ids must be unique on the page (several forms share names).
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { controlClass, Field, FieldMessages, fieldAria } from "@/components/ui/field";

type Common = { id: string; name: string; label: string; error?: string; hint?: ReactNode; className?: string };

/** A labelled multi-line input. */
export function TextArea({ id, name, label, error, hint, className = "", ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field id={id} label={label} error={error} hint={hint} className={className}>
      {(aria) => <textarea id={id} name={name} {...aria} className={`${controlClass(error)} font-mono`} {...rest} />}
    </Field>
  );
}

/** A labelled drop-down. */
export function SelectField({ id, name, label, error, hint, className = "", children, ...rest }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field id={id} label={label} error={error} hint={hint} className={className}>
      {(aria) => (
        <select id={id} name={name} {...aria} className={controlClass(error)} {...rest}>
          {children}
        </select>
      )}
    </Field>
  );
}

export type CheckboxOption = { name: string; label: string; description?: string; defaultChecked?: boolean; disabled?: boolean };

/** A group of checkboxes (a fieldset whose legend names it); the error belongs to the whole group. */
export function CheckboxGroup(props: { id: string; legend: string; options: CheckboxOption[]; error?: string; hint?: ReactNode; column?: boolean }) {
  const { id, legend, options, error, hint, column } = props;
  return (
    <fieldset id={id} {...fieldAria(id, error, hint)} className="space-y-2">
      <legend className="text-sm font-medium text-zinc-800">{legend}</legend>
      <div className={column ? "space-y-2" : "flex flex-wrap gap-x-6 gap-y-2"}>
        {options.map((o) => (
          <label key={o.name} className={`flex items-start gap-2 text-sm ${o.disabled ? "text-zinc-400" : "text-zinc-800"}`}>
            <input type="checkbox" name={o.name} defaultChecked={o.defaultChecked} disabled={o.disabled} className="mt-0.5 h-4 w-4 rounded border-zinc-300 text-indigo-600" />
            <span>
              {o.label}
              {o.description ? <span className="block text-xs text-zinc-500">{o.description}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <FieldMessages id={id} error={error} hint={hint} />
    </fieldset>
  );
}
