// The host list: name, status, addresses, last update; each row links to the host's page.
import Link from "next/link";
import { formatTime } from "@/components/account/format-time";
import type { DnsState, HostStatus } from "./host-state";
import { StatusBadge } from "./status-badge";

export type HostTableRow = {
  id: string;
  fqdn: string;
  display: string;
  status: HostStatus;
  dns: DnsState;
  addresses: string[];
  lastUpdateAt: Date | null;
};

/** A table of hosts (server component). */
export function HostTable({ rows }: { rows: HostTableRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Your hostnames</caption>
        <thead className="border-b border-zinc-200 bg-zinc-50 text-xs uppercase text-zinc-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Hostname</th>
            <th scope="col" className="px-4 py-2 font-medium">Status</th>
            <th scope="col" className="px-4 py-2 font-medium">Addresses</th>
            <th scope="col" className="px-4 py-2 font-medium">Last update</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {rows.map((h) => (
            <tr key={h.id} className="hover:bg-zinc-50">
              <th scope="row" className="px-4 py-3 font-medium">
                <Link href={`/hosts/${h.id}`} className="text-indigo-700 hover:underline">
                  {h.display}
                </Link>
                {h.display !== h.fqdn ? <span className="block font-mono text-xs font-normal text-zinc-500">{h.fqdn}</span> : null}
              </th>
              <td className="px-4 py-3">
                <StatusBadge status={h.status} dns={h.dns} />
              </td>
              <td className="px-4 py-3 font-mono text-xs">{h.addresses.length ? h.addresses.join(", ") : <span className="text-zinc-400">—</span>}</td>
              <td className="px-4 py-3 text-zinc-600">{h.lastUpdateAt ? formatTime(h.lastUpdateAt) : "never"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
