// Paused update clients: a key (or the account password) that kept sending updates that changed
// nothing is refused for a while; the owner can let it update again at once.
import { formatTime } from "@/components/account/format-time";
import { ActionButton } from "@/components/forms/action-button";
import type { FormState } from "@/lib/validation/form";
import { explainUpdate } from "@/lib/updates/reasons";

export type ClientBlockRow = {
  id: string;
  credential: string;
  reason: string;
  nochgCount: number;
  sourceIp: string | null;
  userAgent: string | null;
  createdAt: Date;
  expiresAt: Date;
};

type Props = { blocks: ClientBlockRow[]; keyNames: Map<string, string>; lift: (prev: FormState, data: FormData) => Promise<FormState> };

/** Which credential a block holds, in words: a key by its name, or the account password. */
function clientName(credential: string, keyNames: Map<string, string>): string {
  if (credential.startsWith("key:")) return `Key ${keyNames.get(credential.slice(4)) ?? credential.slice(4, 12) + "…"}`;
  return "Your account password";
}

/** The active blocks (server component). */
export function ClientBlockTable({ blocks, keyNames, lift }: Props) {
  return (
    <ul className="divide-y divide-zinc-100">
      {blocks.map((b) => {
        const who = clientName(b.credential, keyNames);
        return (
          <li key={b.id} className="flex flex-wrap items-start justify-between gap-3 py-3 text-sm">
            <div>
              <p className="font-medium text-zinc-900">{who}</p>
              <p className="text-zinc-600">{explainUpdate("abuse", b.reason)}</p>
              <p className="text-xs text-zinc-500">
                {b.nochgCount} unchanged updates; paused {formatTime(b.createdAt)} until {formatTime(b.expiresAt)}
                {b.sourceIp ? ` · last from ${b.sourceIp}` : ""}
                {b.userAgent ? ` · ${b.userAgent}` : ""}
              </p>
            </div>
            <ActionButton action={lift} label="Let it update again" formLabel={`Let ${who} update again`} fields={{ blockId: b.id }} />
          </li>
        );
      })}
    </ul>
  );
}
