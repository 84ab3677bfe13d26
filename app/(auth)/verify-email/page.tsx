// GET /verify-email?token= — confirms the address from the link in the sign-up mail.
import type { Metadata } from "next";
import Link from "next/link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { Alert } from "@/components/ui/alert";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { requestMeta } from "@/lib/auth/context";
import { verifyEmail } from "@/lib/auth/verify-email";
import { verifyEmailSchema } from "@/lib/validation/auth";

export const metadata: Metadata = { title: "Confirm your email" };

async function confirm(token: unknown): Promise<{ ok: true; email: string } | { ok: false; message: string }> {
  const parsed = verifyEmailSchema.safeParse({ token });
  if (!parsed.success) return { ok: false, message: "This link is incomplete or damaged. Copy the whole link from the message." };
  try {
    const { ip } = await requestMeta();
    return { ok: true, ...(await verifyEmail(db(), { token: parsed.data.token, ip })) };
  } catch (err) {
    if (isAppError(err)) return { ok: false, message: err.message };
    throw err;
  }
}

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const result = await confirm((await searchParams).token);
  return (
    <AuthPanel title="Confirm your email">
      {result.ok ? (
        <div className="space-y-4">
          <Alert tone="success">Your email address {result.email} is confirmed.</Alert>
          <Link href="/signin" className="inline-block font-medium text-indigo-700 hover:underline">
            Sign in
          </Link>
        </div>
      ) : (
        <div className="space-y-4">
          <Alert tone="error">{result.message}</Alert>
          <p className="text-sm text-zinc-600">
            Signing in with an unconfirmed address offers to send a new link.{" "}
            <Link href="/signin" className="font-medium text-indigo-700 hover:underline">
              Sign in
            </Link>
          </p>
        </div>
      )}
    </AuthPanel>
  );
}
