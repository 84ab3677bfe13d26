// The shell every labelled form control shares: a visible label, the control, and its hint or
// error tied to it (aria-describedby, aria-invalid) so assistive technology and tests find the
// message by the field.
import type { ReactNode } from "react";

/** The control's classes, red when it has an error. */
export const controlClass = (error?: string) =>
  `block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-zinc-400 focus:outline-none focus:ring-2 ${
    error ? "border-red-500 focus:ring-red-300" : "border-zinc-300 focus:border-indigo-500 focus:ring-indigo-200"
  }`;

export type FieldAria = { "aria-invalid"?: true; "aria-describedby"?: string };

/** The aria attributes tying a control (or a fieldset) to its hint or error. */
export function fieldAria(id: string, error?: string, hint?: ReactNode): FieldAria {
  const ids = [error ? `${id}-error` : undefined, hint && !error ? `${id}-hint` : undefined].filter(Boolean);
  return { "aria-invalid": error ? true : undefined, "aria-describedby": ids.join(" ") || undefined };
}

/** The hint (when there is no error) or the error, with the ids fieldAria points at. */
export function FieldMessages({ id, error, hint }: { id: string; error?: string; hint?: ReactNode }) {
  if (error) {
    return (
      <p id={`${id}-error`} className="text-sm text-red-700">
        {error}
      </p>
    );
  }
  return hint ? (
    <p id={`${id}-hint`} className="text-xs text-zinc-500">
      {hint}
    </p>
  ) : null;
}

/** Label, control (rendered by `children` with the aria attributes to spread on it), hint or error. */
export function Field({ id, label, error, hint, className = "", children }: {
  id: string; label: string; error?: string; hint?: ReactNode; className?: string; children: (aria: FieldAria) => ReactNode;
}) {
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      {children(fieldAria(id, error, hint))}
      <FieldMessages id={id} error={error} hint={hint} />
    </div>
  );
}

/** "Saved."-style confirmation beside a submit button, once the action succeeded. */
export function SavedNote({ state, pending }: { state: { ok?: boolean; message?: string }; pending: boolean }) {
  return state.ok && !pending ? (
    <p role="status" className="text-sm text-zinc-600">
      {state.message}
    </p>
  ) : null;
}
