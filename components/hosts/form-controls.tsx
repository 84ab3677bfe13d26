// Form controls beside components/ui/text-field.tsx, with the same contract: a visible label, the
// hint or error tied to the control (aria-describedby, aria-invalid) so assistive technology and
// tests find the message by the field. Ids must be unique on the page (several forms share names).
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const controlClass = (error?: string) =>
  `block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-zinc-400 focus:outline-none focus:ring-2 ${
    error ? "border-red-500 focus:ring-red-300" : "border-zinc-300 focus:border-indigo-500 focus:ring-indigo-200"
  }`;

function describedBy(id: string, error?: string, hint?: ReactNode) {
  return { errorId: error ? `${id}-error` : undefined, hintId: hint && !error ? `${id}-hint` : undefined };
}

function Messages({ id, error, hint }: { id: string; error?: string; hint?: ReactNode }) {
  const { errorId, hintId } = describedBy(id, error, hint);
  return (
    <>
      {hintId ? (
        <p id={hintId} className="text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
      {errorId ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </>
  );
}

type Common = { id: string; name: string; label: string; error?: string; hint?: ReactNode; className?: string };

// The label, the control and its messages; `aria` ties the control to them.
function Field({ id, label, error, hint, className, children }: Omit<Common, "name"> & { children: (aria: object) => ReactNode }) {
  const { errorId, hintId } = describedBy(id, error, hint);
  const aria = { "aria-invalid": error ? true : undefined, "aria-describedby": [errorId, hintId].filter(Boolean).join(" ") || undefined };
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      {children(aria)}
      <Messages id={id} error={error} hint={hint} />
    </div>
  );
}

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
  const { errorId, hintId } = describedBy(id, error, hint);
  return (
    <fieldset id={id} aria-invalid={error ? true : undefined} aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined} className="space-y-2">
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
      <Messages id={id} error={error} hint={hint} />
    </fieldset>
  );
}
