"use client";
// Client half of a form: validates with the input's zod schema before calling the server action
// (which validates again, as the authority), and keeps typed values when the server answers.
import { startTransition, useActionState, useState, type FormEvent } from "react";
import type { z } from "zod";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/validation/form";

type FormAction = (prev: FormState, data: FormData) => Promise<FormState>;

/** Form state for `action`: pass `formAction` and `onSubmit` to the <form>, read `errors` per field. */
export function useValidatedAction(schema: z.ZodType, action: FormAction) {
  const [state, formAction, pending] = useActionState(action, {});
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    // Submitting ourselves (instead of letting React run the form action) keeps what was typed.
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const parsed = schema.safeParse(formValues(data));
    if (!parsed.success) {
      setClientErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setClientErrors(null);
    startTransition(() => formAction(data));
  }

  const errors = clientErrors ?? (pending ? {} : (state.fieldErrors ?? {}));
  return { state, formAction, pending, errors, onSubmit };
}
