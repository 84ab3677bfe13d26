// GET /signup — create an account.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthPanel } from "@/components/auth/auth-panel";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { currentUser } from "@/lib/auth/context";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await currentUser()) redirect("/dashboard");
  return (
    <AuthPanel title="Create an account" intro="Free hostnames under our shared zones, updated by your router.">
      <SignUpForm />
    </AuthPanel>
  );
}
