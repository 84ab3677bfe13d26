// GET /signin — sign in (email, password, TOTP code when enabled).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthPanel } from "@/components/auth/auth-panel";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/auth/context";
import { safeNextPath } from "@/lib/validation/redirect";

export const metadata: Metadata = { title: "Sign in" };

const NOTICES: Record<string, string> = {
  "signed-out": "You are signed out.",
  "signed-out-everywhere": "You were signed out of every browser.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const next = safeNextPath(sp.next);
  if (await currentUser()) redirect(next);
  const notice = typeof sp.notice === "string" ? NOTICES[sp.notice] : undefined;
  return (
    <AuthPanel title="Sign in" intro="Welcome back.">
      <SignInForm next={next} notice={notice} />
    </AuthPanel>
  );
}
