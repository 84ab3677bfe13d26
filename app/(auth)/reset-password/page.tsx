// GET /reset-password?token= — choose a new password (the token is checked when the form is sent).
import type { Metadata } from "next";
import { AuthPanel } from "@/components/auth/auth-panel";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return (
    <AuthPanel title="Choose a new password">
      <ResetPasswordForm token={typeof token === "string" ? token : ""} />
    </AuthPanel>
  );
}
