"use client";
// The sign-in form. Posts to next-auth's credentials provider; asks for the TOTP code when the
// account has two-factor authentication, and shows throttling and other refusals next to the field.
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { ResendVerification } from "@/components/auth/resend-verification";
import { signInSchema } from "@/lib/validation/auth";
import { fieldErrorsOf, formValues } from "@/lib/validation/form";
import { describeSignInError, type SignInErrorView } from "@/lib/validation/sign-in-errors";

/** Sign in with email, password and (when needed) a TOTP code; then go to `next`. */
export function SignInForm({ next, notice }: { next: string; notice?: string }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<SignInErrorView | null>(null);
  const [needTotp, setNeedTotp] = useState(false);
  const [pending, setPending] = useState(false);
  const [typedEmail, setTypedEmail] = useState("");

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = signInSchema.safeParse(formValues(new FormData(e.currentTarget)));
    setFailure(null);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    const { email, password, totp } = parsed.data;
    setTypedEmail(email);
    const res = await signIn("credentials", { redirect: false, email, password, totp: totp ?? "" }).catch(() => undefined);
    if (res?.ok && !res.error) {
      window.location.assign(next);
      return;
    }
    setPending(false);
    const view = describeSignInError(res?.error ?? "ERROR");
    if (view.field === "totp") setNeedTotp(true);
    setErrors(view.field ? { [view.field]: view.message } : {});
    setFailure(view);
  }

  const banner = failure && !failure.field ? failure.message : undefined;
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate aria-label="Sign in" className="space-y-4">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {banner ? <Alert tone="error">{banner}</Alert> : null}
        <TextField name="email" type="email" label="Email" autoComplete="username" required error={errors.email} />
        <TextField name="password" type="password" label="Password" autoComplete="current-password" required error={errors.password} />
        {needTotp ? (
          <TextField
            name="totp"
            label="Authentication code"
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            hint="The 6-digit code from your authenticator app."
            error={errors.totp}
          />
        ) : null}
        <Button type="submit" pending={pending} className="w-full">
          Sign in
        </Button>
        <div className="flex justify-between text-sm">
          <Link href="/forgot-password" className="text-indigo-700 hover:underline">
            Forgot your password?
          </Link>
          <Link href="/signup" className="text-indigo-700 hover:underline">
            Create an account
          </Link>
        </div>
      </form>
      {failure?.reason === "UNVERIFIED" ? <ResendVerification email={typedEmail} /> : null}
    </div>
  );
}
