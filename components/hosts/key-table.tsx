// Update keys with their scope, last use and a revoke button; revoked and expired ones stay listed.
import { formatTime } from "@/components/account/format-time";
import { ActionButton } from "@/components/forms/action-button";
import { toUnicode } from "@/lib/dns/names";
import type { FormState } from "@/lib/validation/form";

export type KeyRow = {
  id: string;
  label: string;
  prefix: string;
  recordTypes: string[];
  allowedCidrs: string[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  revokedAt: Date | null;
  createdAt: Date;
  host?: { fqdn: string } | null;
};

type Props = { keys: KeyRow[]; showHost: boolean; revoke: (prev: FormState, data: FormData) => Promise<FormState> };

const keyName = (k: KeyRow) => k.label || `${k.prefix}…`;

/** The table (server component). */
export function KeyTable({ keys, showHost, revoke }: Props) {
  const now = new Date();
  if (keys.length === 0) return <p className="text-sm text-zinc-600">No update keys yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Update keys</caption>
        <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Key</th>
            {showHost ? <th scope="col" className="py-2 pr-4 font-medium">Hostname</th> : null}
            <th scope="col" className="py-2 pr-4 font-medium">May change</th>
            <th scope="col" className="py-2 pr-4 font-medium">Last used</th>
            <th scope="col" className="py-2 font-medium">State</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 align-top">
          {keys.map((k) => {
            const expired = k.expiresAt !== null && k.expiresAt <= now;
            return (
              <tr key={k.id}>
                <th scope="row" className="py-3 pr-4 font-normal">
                  <span className="font-medium text-zinc-900">{keyName(k)}</span>
                  <span className="block font-mono text-xs text-zinc-500">{k.prefix}…</span>
                </th>
                {showHost ? <td className="py-3 pr-4">{k.host ? toUnicode(k.host.fqdn) : "All your hostnames"}</td> : null}
                <td className="py-3 pr-4 text-xs">
                  {k.recordTypes.join(", ")}
                  {k.allowedCidrs.length ? <span className="block font-mono text-zinc-500">from {k.allowedCidrs.join(", ")}</span> : null}
                </td>
                <td className="py-3 pr-4 text-xs">{k.lastUsedAt ? `${formatTime(k.lastUsedAt)} from ${k.lastUsedIp ?? "?"}` : "never"}</td>
                <td className="py-3 text-xs">
                  {k.revokedAt ? (
                    `Revoked ${formatTime(k.revokedAt)}`
                  ) : expired ? (
                    `Expired ${formatTime(k.expiresAt!)}`
                  ) : (
                    <div className="space-y-1">
                      <span className="block">{k.expiresAt ? `Active until ${formatTime(k.expiresAt)}` : "Active"}</span>
                      <ActionButton action={revoke} label="Revoke" formLabel={`Revoke ${keyName(k)}`} fields={{ keyId: k.id }} />
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
