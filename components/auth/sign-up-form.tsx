"use client";
// The sign-up form: email, optional name, password. After submitting it shows the same
// "check your inbox" message whatever the address.
import Link from "next/link";
import { signUpAction } from "@/app/(auth)/actions";
import { useValidatedAction } from "@/components/forms/use-validated-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signUpSchema } from "@/lib/validation/auth";
import { PASSWORD_MIN } from "@/lib/validation/fields";

/** Create an account. */
export function SignUpForm() {
  const { state, formAction, pending, errors, onSubmit } = useValidatedAction(signUpSchema, signUpAction);
  if (state.ok) return <Alert tone="success">{state.message}</Alert>;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate aria-label="Create an account" className="space-y-4">
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <TextField name="email" type="email" label="Email" autoComplete="email" required error={errors.email} />
      <TextField name="name" label="Name (optional)" autoComplete="name" error={errors.name} />
      <TextField
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a good one.`}
        error={errors.password}
      />
      <Button type="submit" pending={pending} className="w-full">
        Create account
      </Button>
      <p className="text-center text-sm text-zinc-600">
        Already have an account?{" "}
        <Link href="/signin" className="font-medium text-indigo-700 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
