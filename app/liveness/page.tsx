// GET /liveness?token= — the link in a liveness reminder: every free host of the account stays
// active for another 30 days, and expired ones still in their redemption period come back.
import type { Metadata } from "next";
import Link from "next/link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { Alert } from "@/components/ui/alert";
import { db } from "@/lib/db";
import { requestMeta } from "@/lib/auth/context";
import { toUnicode } from "@/lib/dns/names";
import { isAppError } from "@/lib/errors";
import { confirmLivenessLink } from "@/lib/liveness/redeem";
import { livenessLinkSchema } from "@/lib/validation/profile";

export const metadata: Metadata = { title: "Keep your hostnames" };

type Outcome = { ok: true; kept: number; restored: string[] } | { ok: false; message: string };

async function confirm(token: unknown): Promise<Outcome> {
  const parsed = livenessLinkSchema.safeParse({ token });
  if (!parsed.success) return { ok: false, message: "This link is incomplete or damaged. Copy the whole link from the message." };
  try {
    const { ip } = await requestMeta();
    const r = await confirmLivenessLink(db(), { token: parsed.data.token, ip });
    return { ok: true, kept: r.kept, restored: r.restored };
  } catch (err) {
    if (isAppError(err)) return { ok: false, message: err.message };
    throw err;
  }
}

export default async function LivenessPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const result = await confirm((await searchParams).token);
  return (
    <div className="mx-auto w-full max-w-md px-4 py-12">
      <AuthPanel title="Keep your hostnames">
        {result.ok ? (
          <div className="space-y-4">
            <Alert tone="success">
              Thanks! {result.kept === 1 ? "Your hostname stays" : `Your ${result.kept} hostnames stay`} active for another 30 days.
            </Alert>
            {result.restored.length ? (
              <p className="text-sm text-zinc-700">Back in DNS: {result.restored.map(toUnicode).join(", ")}.</p>
            ) : null}
            <Link href="/hosts" className="inline-block text-sm font-medium text-indigo-700 hover:underline">
              Go to your hostnames
            </Link>
          </div>
        ) : (
          <div className="space-y-4">
            <Alert tone="error">{result.message}</Alert>
            <p className="text-sm text-zinc-600">
              Signing in also keeps your hostnames:{" "}
              <Link href="/hosts" className="font-medium text-indigo-700 hover:underline">
                open your hostnames
              </Link>
              .
            </p>
          </div>
        )}
      </AuthPanel>
    </div>
  );
}
