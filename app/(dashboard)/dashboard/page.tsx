// GET /dashboard — the caller's hostnames (empty until the hosts feature lands).
import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/context";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const { user } = await requireUser();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Your hostnames</h1>
        <p className="mt-1 text-sm text-zinc-600">Signed in as {user.name ? `${user.name} (${user.email})` : user.email}.</p>
      </div>
      <section aria-labelledby="empty-hosts" className="rounded-lg border-2 border-dashed border-zinc-300 bg-white px-6 py-14 text-center">
        <h2 id="empty-hosts" className="text-lg font-semibold text-zinc-900">
          No hostnames yet
        </h2>
        <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600">
          Hostnames you register appear here, with their current addresses and the keys your router uses to update them.
        </p>
      </section>
    </div>
  );
}
