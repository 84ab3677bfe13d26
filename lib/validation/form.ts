// The shape every form action returns, and the zod → field-message mapping. Client-safe.
import type { z } from "zod";

/** A form's result. `fieldErrors` sit next to fields; `formError` above the form; `ok` with `message` on success. */
export type FormState = {
  ok?: boolean;
  message?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
};

/** The first message for each field of a failed parse (nested paths joined with "."). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    out[key] ??= issue.message;
  }
  return out;
}

/** The string values of a FormData (files and missing fields dropped), ready for a schema. */
export function formValues(data: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of data.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}
