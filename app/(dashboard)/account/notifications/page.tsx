// GET /account/notifications — mail preferences per event, and signed webhooks (add, send a test,
// delete, delivery log).
import type { Metadata } from "next";
import Link from "next/link";
import { formatTime } from "@/components/account/format-time";
import { ActionButton } from "@/components/forms/action-button";
import { DashboardNav } from "@/components/hosts/dashboard-nav";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db";
import { requireUser } from "@/lib/auth/context";
import { getNotificationPreferences } from "@/lib/notifications/preferences";
import { listWebhooks } from "@/lib/notifications/webhooks";
import { createWebhookAction, deleteWebhookAction, pingWebhookAction, savePreferencesAction } from "./actions";
import { PreferencesForm } from "./preferences-form";
import { WebhookForm } from "./webhook-form";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const { user } = await requireUser();
  const [prefs, hooks, owner] = await Promise.all([
    getNotificationPreferences(db(), { userId: user.id }),
    listWebhooks(db(), { userId: user.id }),
    db().user.findUniqueOrThrow({ where: { id: user.id }, select: { plan: { select: { name: true, features: true } } } }),
  ]);
  const webhooksInPlan = owner.plan.features.includes("webhooks");
  return (
    <div>
      <DashboardNav current="/account/notifications" />
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold tracking-tight">Notifications</h1>
        <Card title="Email" description={`Mails go to ${user.email}.`}>
          <PreferencesForm current={prefs} action={savePreferencesAction} />
        </Card>
        <Card title="Webhooks" description="We POST signed JSON to your URL when a host's address or status changes, retrying with backoff.">
          <div className="space-y-6">
            {hooks.length === 0 ? <p className="text-sm text-zinc-600">No webhooks yet.</p> : null}
            {hooks.map((h) => {
              const last = h.deliveries[0];
              return (
                <div key={h.id} className="space-y-2 rounded-md border border-zinc-200 p-4">
                  <p className="break-all font-mono text-sm">{h.url}</p>
                  <p className="text-xs text-zinc-600">
                    {h.events.join(", ")} · last delivery:{" "}
                    {last ? `${last.status.toLowerCase()}${last.responseStatus ? ` (HTTP ${last.responseStatus})` : ""}, ${formatTime(last.createdAt)}` : "none yet"}
                  </p>
                  <div className="flex flex-wrap items-start gap-3">
                    <ActionButton action={pingWebhookAction} label="Send a test event" formLabel={`Send a test event to ${h.url}`} fields={{ webhookId: h.id }} />
                    <Link href={`/account/notifications/webhooks/${h.id}`} className="px-1 py-2 text-sm font-medium text-indigo-700 hover:underline">
                      Delivery log
                    </Link>
                    <ActionButton action={deleteWebhookAction} label="Delete" formLabel={`Delete the webhook ${h.url}`} fields={{ webhookId: h.id }} variant="danger" />
                  </div>
                </div>
              );
            })}
            <div className="border-t border-zinc-200 pt-5">
              <h3 className="mb-3 text-sm font-semibold text-zinc-900">Add a webhook</h3>
              {webhooksInPlan ? null : <p className="mb-3 text-sm text-zinc-600">Webhooks are not part of the {owner.plan.name} plan.</p>}
              <WebhookForm action={createWebhookAction} />
            </div>
          </div>
        </Card>
      </div>
    </div>
  );
}
