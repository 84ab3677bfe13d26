// GET /dev/mail[?to=] — the dev outbox: mail recorded while no SMTP server is configured.
import type { Metadata } from "next";
import Link from "next/link";
import { formatTime } from "@/components/account/format-time";
import { db } from "@/lib/db";
import { requireOutboxReader } from "./access";

export const metadata: Metadata = { title: "Dev outbox" };

export default async function DevMailPage({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  await requireOutboxReader();
  const { to } = await searchParams;
  const filter = typeof to === "string" && to.length <= 254 ? to.trim().toLowerCase() : undefined;
  const messages = await db().mailMessage.findMany({
    where: filter ? { to: filter } : {},
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, to: true, subject: true, createdAt: true, sentAt: true, error: true },
  });
  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Dev outbox</h1>
      <p className="mt-1 text-sm text-zinc-600">
        Mail the service sent{filter ? ` to ${filter}` : ""}, newest first. Configure SMTP_URL to deliver it for real.
      </p>
      {messages.length === 0 ? (
        <p className="mt-8 rounded-lg border-2 border-dashed border-zinc-300 bg-white p-10 text-center text-sm text-zinc-600">No mail yet.</p>
      ) : (
        <ul aria-label="Messages" className="mt-6 divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white shadow-sm">
          {messages.map((m) => (
            <li key={m.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3">
              <div>
                <Link href={`/dev/mail/${m.id}`} className="font-medium text-indigo-700 hover:underline">
                  {m.subject}
                </Link>
                <p className="text-xs text-zinc-500">to {m.to}</p>
              </div>
              <p className="text-xs text-zinc-500">
                {formatTime(m.createdAt)}
                {m.error ? " · delivery failed" : m.sentAt ? " · delivered" : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
