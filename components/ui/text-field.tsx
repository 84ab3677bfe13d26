// A labelled input whose error message is tied to it (aria-invalid + aria-describedby), so screen
// readers and tests find the message by the field.
import type { InputHTMLAttributes } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; error?: string; hint?: string };

/** A text, email, password or code input with its label, hint and error. */
export function TextField({ name, label, error, hint, id, className = "", ...rest }: Props) {
  const inputId = id ?? `field-${name}`;
  const hintId = hint && !error ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={inputId} className="block text-sm font-medium text-zinc-800">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
        className={`block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-zinc-400 focus:outline-none focus:ring-2 ${
          error ? "border-red-500 focus:ring-red-300" : "border-zinc-300 focus:border-indigo-500 focus:ring-indigo-200"
        }`}
        {...rest}
      />
      {hintId ? (
        <p id={hintId} className="text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
