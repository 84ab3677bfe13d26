// The records card of the host page (server component): "use my current IP", one editor per rrset
// at the host's name, the form adding a type, and read-only rrsets below it (a wildcard or ACME
// challenge written by an update client).
import net from "node:net";
import { ActionButton } from "@/components/forms/action-button";
import type { RRsetState } from "@/components/hosts/host-state";
import { Card } from "@/components/ui/card";
import { toUnicode } from "@/lib/dns/names";
import type { FormState } from "@/lib/validation/form";
import { SETTABLE_RECORD_TYPES, type SettableType } from "@/lib/validation/records";
import { AddRecordsForm } from "./add-records-form";
import { RRsetForm } from "./rrset-form";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
type Props = {
  host: { id: string; fqdn: string };
  rrsets: RRsetState[];
  plan: { minTtl: number; recordTypes: string[] };
  clientIp: string;
  actions: { save: Action; remove: Action; setMyIp: Action };
};

const settable = (t: string): t is SettableType => (SETTABLE_RECORD_TYPES as readonly string[]).includes(t);

/** Records of one host. */
export function RecordsSection({ host, rrsets, plan, clientIp, actions }: Props) {
  const own = rrsets.filter((r) => r.name === host.fqdn && r.records.length > 0 && settable(r.type));
  const present = new Set(own.map((r) => r.type));
  const addable = SETTABLE_RECORD_TYPES.filter((t) => plan.recordTypes.includes(t) && !present.has(t));
  const others = rrsets.filter((r) => r.records.length > 0 && (r.name !== host.fqdn || !settable(r.type)));
  const family = net.isIP(clientIp);
  return (
    <Card title="Records" description="What DNS answers for this name. Changes go live within seconds.">
      <div className="space-y-6">
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-md bg-zinc-50 px-4 py-3 text-sm">
          <p>
            Your current address: <span className="font-mono font-medium">{family ? clientIp : "unknown"}</span>
          </p>
          {family ? <ActionButton action={actions.setMyIp} label="Use my current IP" formLabel="Use my current IP" fields={{ hostId: host.id }} /> : null}
        </div>
        {own.length === 0 ? <p className="text-sm text-zinc-600">No records yet: add an address, or let your router set it.</p> : null}
        {own.map((r) => (
          <RRsetForm
            key={`${r.type}-${r.version}`}
            hostId={host.id}
            type={r.type as SettableType}
            ttl={r.ttl}
            records={r.records}
            live={r.publishedVersion >= r.version}
            minTtl={plan.minTtl}
            save={actions.save}
            remove={actions.remove}
          />
        ))}
        <div className="border-t border-zinc-200 pt-5">
          <h3 className="mb-3 text-sm font-semibold text-zinc-900">Add records</h3>
          {addable.length ? (
            <AddRecordsForm key={[...present].join(",")} hostId={host.id} types={addable} minTtl={plan.minTtl} defaultTtl={Math.max(plan.minTtl, 60)} save={actions.save} />
          ) : (
            <p className="text-sm text-zinc-600">Every record type of your plan is in use.</p>
          )}
        </div>
        {others.length ? (
          <div className="border-t border-zinc-200 pt-5">
            <h3 className="text-sm font-semibold text-zinc-900">Set by your update client</h3>
            <ul className="mt-2 space-y-1 font-mono text-xs text-zinc-700">
              {others.map((r) => (
                <li key={`${r.name}-${r.type}`}>
                  {toUnicode(r.name)} {r.ttl} {r.type} {r.records.join(", ")}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
