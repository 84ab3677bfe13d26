// The host list page's body, shared by /hosts and /dashboard: plan usage, the create form, the
// hosts (one keyset page) or an empty state, and the link to the next page.
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import type { FormState } from "@/lib/validation/form";
import { CreateHostForm } from "./create-host-form";
import { DashboardNav } from "./dashboard-nav";
import { HostTable, type HostTableRow } from "./host-table";

type Props = {
  basePath: "/hosts" | "/dashboard";
  signedInAs: string;
  notice?: ReactNode;
  /** How many of the account's update clients are paused (client blocks in force). */
  pausedClients?: number;
  rows: HostTableRow[];
  nextCursor: string | null;
  firstPage: boolean;
  total: number;
  plan: { name: string; maxHosts: number };
  zones: string[];
  createAction: (prev: FormState, data: FormData) => Promise<FormState>;
};

/** Everything below the site header on the host list. */
export function HostsView(p: Props) {
  const full = p.total >= p.plan.maxHosts;
  return (
    <div>
      <DashboardNav current="/hosts" />
      <div className="space-y-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Your hostnames</h1>
            <p className="mt-1 text-sm text-zinc-600">Signed in as {p.signedInAs}.</p>
          </div>
          <p className="text-sm text-zinc-600" data-testid="plan-usage">
            {p.total} of {p.plan.maxHosts} hostname{p.plan.maxHosts === 1 ? "" : "s"} used · {p.plan.name} plan
          </p>
        </div>
        {p.notice ? <Alert tone="success">{p.notice}</Alert> : null}
        {p.pausedClients ? (
          <Alert tone="error">
            {p.pausedClients === 1
              ? "An update client of yours is paused: it kept sending the address that was already set. "
              : `${p.pausedClients} update clients of yours are paused: they kept sending the address that was already set. `}
            <Link href="/keys" className="font-medium underline">
              See update keys
            </Link>{" "}
            to let {p.pausedClients === 1 ? "it" : "them"} update again.
          </Alert>
        ) : null}
        <Card
          title="Create a hostname"
          description={full ? `Your plan allows ${p.plan.maxHosts} hostnames and all are in use: delete one first.` : "Pick a name under one of our domains."}
        >
          <CreateHostForm zones={p.zones} action={p.createAction} />
        </Card>
        {p.rows.length === 0 && p.firstPage ? (
          <section aria-labelledby="empty-hosts" className="rounded-lg border-2 border-dashed border-zinc-300 bg-white px-6 py-14 text-center">
            <h2 id="empty-hosts" className="text-lg font-semibold text-zinc-900">
              No hostnames yet
            </h2>
            <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600">
              Hostnames you register appear here, with their current addresses and the keys your router uses to update them.
            </p>
          </section>
        ) : (
          <HostTable rows={p.rows} />
        )}
        {p.nextCursor || !p.firstPage ? (
          <nav aria-label="Pages" className="flex justify-between text-sm">
            {p.firstPage ? <span /> : <Link href={p.basePath} className="font-medium text-indigo-700 hover:underline">← First page</Link>}
            {p.nextCursor ? (
              <Link href={`${p.basePath}?after=${encodeURIComponent(p.nextCursor)}`} className="font-medium text-indigo-700 hover:underline">
                Next page →
              </Link>
            ) : null}
          </nav>
        ) : null}
      </div>
    </div>
  );
}
