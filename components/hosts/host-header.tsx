// The top of every host page: the way back, the name (Unicode, and ASCII when it differs), its
// state badge, why it is not active when it is not, and the tabs.
import Link from "next/link";
import { toUnicode } from "@/lib/dns/names";
import { DashboardNav } from "./dashboard-nav";
import { HostTabs, type HostTab } from "./host-tabs";
import { STATUS_TEXT, type DnsState, type HostStatus } from "./host-state";
import { StatusBadge } from "./status-badge";

type Props = { host: { id: string; fqdn: string; status: HostStatus; statusReason: string | null }; dns: DnsState; tab: HostTab };

/** Header + tabs of one host. */
export function HostHeader({ host, dns, tab }: Props) {
  const display = toUnicode(host.fqdn);
  return (
    <div className="space-y-4">
      <DashboardNav current="/hosts" />
      <Link href="/hosts" className="text-sm font-medium text-indigo-700 hover:underline">
        ← All hostnames
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight break-all">{display}</h1>
        <StatusBadge status={host.status} dns={dns} />
      </div>
      {display !== host.fqdn ? <p className="font-mono text-sm text-zinc-500">In DNS: {host.fqdn}</p> : null}
      {host.status !== "ACTIVE" ? (
        <div role="note" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-medium">
            {STATUS_TEXT[host.status].label}: {STATUS_TEXT[host.status].explain}
          </p>
          {host.statusReason ? <p className="mt-1">Reason: {host.statusReason}</p> : null}
        </div>
      ) : null}
      <HostTabs hostId={host.id} current={tab} />
    </div>
  );
}
