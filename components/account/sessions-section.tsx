// The signed-in browsers panel of /account/security (server component).
import { ActionButton } from "@/components/forms/action-button";
import { describeAgent } from "@/components/account/describe-agent";
import { formatTime } from "@/components/account/format-time";
import { Card } from "@/components/ui/card";
import type { FormState } from "@/lib/validation/form";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
type Row = { id: string; ip: string | null; userAgent: string | null; createdAt: Date; lastSeenAt: Date };

/** One row per live session; sign out one, or everywhere. */
export function SessionsSection(props: { sessions: Row[]; currentId: string; actions: { revoke: Action; revokeAll: Action } }) {
  const { sessions, currentId, actions } = props;
  return (
    <Card title="Signed-in browsers" description="Every browser signed in to your account. Sign out any you do not recognise.">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Signed-in browsers</caption>
        <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Browser</th>
            <th scope="col" className="py-2 pr-4 font-medium">IP address</th>
            <th scope="col" className="py-2 pr-4 font-medium">Signed in</th>
            <th scope="col" className="py-2 pr-4 font-medium">Last active</th>
            <th scope="col" className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {sessions.map((s) => (
            <tr key={s.id}>
              <td className="py-3 pr-4">
                {describeAgent(s.userAgent)}
                {s.id === currentId ? <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-800">This browser</span> : null}
              </td>
              <td className="py-3 pr-4 font-mono text-xs">{s.ip ?? "—"}</td>
              <td className="py-3 pr-4">{formatTime(s.createdAt)}</td>
              <td className="py-3 pr-4">{formatTime(s.lastSeenAt)}</td>
              <td className="py-3 text-right">
                {s.id === currentId ? null : (
                  <ActionButton action={actions.revoke} label="Sign out" formLabel={`Sign out ${describeAgent(s.userAgent)} (${s.ip ?? "unknown address"})`} fields={{ sessionId: s.id }} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-6 border-t border-zinc-200 pt-4">
        <ActionButton action={actions.revokeAll} label="Sign out everywhere" variant="danger" />
      </div>
    </Card>
  );
}
