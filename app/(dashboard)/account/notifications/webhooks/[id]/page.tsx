// GET /account/notifications/webhooks/[id] — one webhook's delivery log (25 per page, ?cursor=).
// Another user's webhook is a 404.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatTime } from "@/components/account/format-time";
import { DashboardNav } from "@/components/hosts/dashboard-nav";
import { Card } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/context";
import { isAppError } from "@/lib/errors";
import { listWebhookDeliveries } from "@/lib/notifications/list-webhook-deliveries";

export const metadata: Metadata = { title: "Webhook deliveries" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DeliveriesPage({ params, searchParams }: Props) {
  const { user } = await requireUser();
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const cursor = typeof sp.cursor === "string" ? sp.cursor : null;
  const load = (c: string | null) => listWebhookDeliveries(db(), { userId: user.id, webhookId: id, cursor: c, limit: 25 });
  const page = await load(cursor).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    if (isAppError(e) && e.field === "cursor") return load(null);
    throw e;
  });
  const hook = await db().webhook.findFirstOrThrow({ where: { id, userId: user.id }, select: { url: true } });
  return (
    <div>
      <DashboardNav current="/account/notifications" />
      <div className="space-y-6">
        <Link href="/account/notifications" className="text-sm font-medium text-indigo-700 hover:underline">
          ← Notifications
        </Link>
        <h1 className="break-all text-2xl font-semibold tracking-tight">Deliveries to {hook.url}</h1>
        <Card>
          {page.items.length === 0 ? (
            <p className="text-sm text-zinc-600">Nothing sent yet.</p>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Deliveries</caption>
              <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">Queued</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Event</th>
                  <th scope="col" className="py-2 pr-4 font-medium">State</th>
                  <th scope="col" className="py-2 font-medium">Last answer</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 align-top">
                {page.items.map((d) => (
                  <tr key={d.id}>
                    <td className="py-3 pr-4">{formatTime(d.createdAt)}</td>
                    <td className="py-3 pr-4 font-mono text-xs">{d.event}</td>
                    <td className="py-3 pr-4 text-xs">
                      {d.status === "DELIVERED" && d.deliveredAt ? `Delivered ${formatTime(d.deliveredAt)}` : d.status === "FAILED" ? "Gave up" : `Pending, next try ${formatTime(d.nextAttemptAt)}`}
                      <span className="block text-zinc-500">
                        {d.attempts} attempt{d.attempts === 1 ? "" : "s"}
                      </span>
                    </td>
                    <td className="py-3 text-xs">
                      {d.responseStatus ? `HTTP ${d.responseStatus}` : "—"}
                      {d.durationMs !== null ? ` in ${d.durationMs} ms` : ""}
                      {d.lastError ? <span className="block text-red-700">{d.lastError}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager basePath={`/account/notifications/webhooks/${id}`} cursor={cursor} nextCursor={page.nextCursor} />
        </Card>
      </div>
    </div>
  );
}
