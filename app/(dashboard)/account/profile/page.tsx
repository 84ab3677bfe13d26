// GET /account/profile — name, password change and account deletion.
import type { Metadata } from "next";
import { DashboardNav } from "@/components/hosts/dashboard-nav";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/context";
import { isStaff } from "@/lib/auth/roles";
import { changePasswordAction, deleteAccountAction, saveProfileAction } from "./actions";
import { DeleteAccountForm, PasswordForm, ProfileForm } from "./profile-forms";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const { user, role } = await requireUser();
  const hostCount = await db().host.count({ where: { ownerId: user.id } });
  return (
    <div>
      <DashboardNav current="/account/profile" />
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold tracking-tight">Profile</h1>
        <Card title="You" description={<>Signed in as {user.email}. To use another address, create a new account.</>}>
          <ProfileForm name={user.name} action={saveProfileAction} />
        </Card>
        <Card title="Password" description="Changing it signs out every other browser.">
          <PasswordForm action={changePasswordAction} />
        </Card>
        <section className="rounded-lg border border-red-200 bg-white p-6 shadow-sm">
          <h2 className="text-lg font-semibold text-red-800">Delete account</h2>
          <div className="mt-4">
            {isStaff(role) ? (
              <p className="text-sm text-zinc-700">Staff accounts are closed by an administrator.</p>
            ) : (
              <DeleteAccountForm hostCount={hostCount} action={deleteAccountAction} />
            )}
          </div>
        </section>
      </div>
    </div>
  );
}
