// The records card of the host page (server component): "use my current IP", then per name an
// editor per rrset and the form adding a type: the host itself, its wildcard (*.host, a plan
// feature) and its _acme-challenge (TXT, also set by update clients with txt=). Anything else
// (types a user cannot set) is listed read-only below.
import net from "node:net";
import { ActionButton } from "@/components/forms/action-button";
import type { RRsetState } from "@/components/hosts/host-state";
import { Card } from "@/components/ui/card";
import { toUnicode } from "@/lib/dns/names";
import { recordOwner } from "@/lib/validation/record-values";
import type { FormState } from "@/lib/validation/form";
import { SETTABLE_RECORD_TYPES, type RecordName, type SettableType } from "@/lib/validation/records";
import { NameRecords } from "./name-records";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
type Props = {
  host: { id: string; fqdn: string };
  rrsets: RRsetState[];
  plan: { minTtl: number; recordTypes: string[]; features: string[] };
  clientIp: string;
  actions: { save: Action; remove: Action; setMyIp: Action };
};

const settable = (t: string): t is SettableType => (SETTABLE_RECORD_TYPES as readonly string[]).includes(t);

/** Records of one host. */
export function RecordsSection({ host, rrsets, plan, clientIp, actions }: Props) {
  const live = rrsets.filter((r) => r.records.length > 0);
  const at = (name: RecordName) => live.filter((r) => r.name === recordOwner(name, host.fqdn) && settable(r.type) && (name !== "_acme-challenge" || r.type === "TXT"));
  const addable = (name: RecordName, types: readonly SettableType[]) => {
    const present = new Set(at(name).map((r) => r.type));
    return types.filter((t) => plan.recordTypes.includes(t) && !present.has(t));
  };
  const shown = new Set((["@", "*", "_acme-challenge"] as const).flatMap((n) => at(n)));
  const others = live.filter((r) => !shown.has(r));
  const own = at("@");
  const star = at("*");
  const acme = at("_acme-challenge");
  const wildcardPlan = plan.features.includes("wildcard");
  const display = toUnicode(host.fqdn);
  const family = net.isIP(clientIp);
  const props = { hostId: host.id, minTtl: plan.minTtl, actions: { save: actions.save, remove: actions.remove } };
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
        <NameRecords {...props} name="@" rrsets={own} addable={addable("@", SETTABLE_RECORD_TYPES)} addTitle="Add records" full="Every record type of your plan is in use." />

        <section aria-labelledby="wildcard-heading" className="space-y-4 border-t border-zinc-200 pt-5">
          <div>
            <h3 id="wildcard-heading" className="font-mono text-sm font-semibold text-zinc-900">*.{display}</h3>
            <p className="mt-1 text-sm text-zinc-600">
              Wildcard: answers for every name under {display} (like anything.{display}) that has no records of its own.
            </p>
          </div>
          {wildcardPlan || star.length ? (
            <NameRecords
              {...props}
              name="*"
              rrsets={star}
              addable={wildcardPlan ? addable("*", SETTABLE_RECORD_TYPES) : []}
              addTitle="Add wildcard records"
              full={wildcardPlan ? "Every record type of your plan is in use." : "Your plan does not include wildcard records: you can only remove these."}
            />
          ) : (
            <p className="text-sm text-zinc-600" data-testid="wildcard-plan">Your plan does not include wildcard records.</p>
          )}
        </section>

        {plan.recordTypes.includes("TXT") || acme.length ? (
          <section aria-labelledby="acme-heading" className="space-y-4 border-t border-zinc-200 pt-5">
            <div>
              <h3 id="acme-heading" className="font-mono text-sm font-semibold text-zinc-900">_acme-challenge.{display}</h3>
              <p className="mt-1 text-sm text-zinc-600">TXT records for ACME DNS-01 certificates; update clients can set them too (txt=).</p>
            </div>
            <NameRecords {...props} name="_acme-challenge" rrsets={acme} addable={addable("_acme-challenge", ["TXT"])} addTitle="Add ACME challenge records" full="The ACME challenge TXT is set above." />
          </section>
        ) : null}

        {others.length ? (
          <div className="border-t border-zinc-200 pt-5">
            <h3 className="text-sm font-semibold text-zinc-900">Other records</h3>
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
