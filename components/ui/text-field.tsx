// A labelled input whose error message is tied to it (aria-invalid + aria-describedby), so screen
// readers and tests find the message by the field.
import type { InputHTMLAttributes } from "react";
import { controlClass, Field } from "./field";

type Props = InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; error?: string; hint?: string };

/** A text, email, password or code input with its label, hint and error. */
export function TextField({ name, label, error, hint, id, className = "", ...rest }: Props) {
  const inputId = id ?? `field-${name}`;
  return (
    <Field id={inputId} label={label} error={error} hint={hint} className={className}>
      {(aria) => <input id={inputId} name={name} {...aria} className={controlClass(error)} {...rest} />}
    </Field>
  );
}
