// GET /admin — the staff console entry (ABUSE, BILLING, ADMIN with TOTP; a 404 for anyone else).
import type { Metadata } from "next";
import { requireRole } from "@/lib/auth/context";

export const metadata: Metadata = { title: "Staff console" };

export default async function AdminPage() {
  const { user, role } = await requireRole("ADMIN", "ABUSE", "BILLING");
  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Staff console</h1>
      <p className="mt-1 text-sm text-zinc-600">
        {user.email} · role {role}
      </p>
      <p className="mt-6 rounded-lg border border-zinc-200 bg-white p-6 text-sm text-zinc-600 shadow-sm">
        The abuse and billing consoles will appear here.
      </p>
    </div>
  );
}
