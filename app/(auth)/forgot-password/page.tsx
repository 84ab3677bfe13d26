// GET /forgot-password — ask for a password reset link.
import type { Metadata } from "next";
import { AuthPanel } from "@/components/auth/auth-panel";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <AuthPanel title="Reset your password" intro="We will mail you a link to choose a new password.">
      <ForgotPasswordForm />
    </AuthPanel>
  );
}
