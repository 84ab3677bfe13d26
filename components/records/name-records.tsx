// One name of a host in the records card (server component): an editor per rrset at that name
// and the form adding a type. Used for the host itself, its wildcard and its _acme-challenge.
import type { RRsetState } from "@/components/hosts/host-state";
import type { FormState } from "@/lib/validation/form";
import type { RecordName, SettableType } from "@/lib/validation/records";
import { AddRecordsForm } from "./add-records-form";
import { RRsetForm } from "./rrset-form";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
type Props = {
  hostId: string;
  name: RecordName;
  /** The rrsets at this name (non-empty, settable types). */
  rrsets: RRsetState[];
  /** Types that may be added here (the plan's, minus those present); empty hides the form. */
  addable: SettableType[];
  minTtl: number;
  actions: { save: Action; remove: Action };
  /** Heading of the add form, and the text shown instead when nothing can be added. */
  addTitle: string;
  full: string;
};

/** The editors and the add form of one name. */
export function NameRecords({ hostId, name, rrsets, addable, minTtl, actions, addTitle, full }: Props) {
  return (
    <>
      {rrsets.map((r) => (
        <RRsetForm
          key={`${r.type}-${r.version}`}
          hostId={hostId}
          name={name}
          type={r.type as SettableType}
          ttl={r.ttl}
          records={r.records}
          live={r.publishedVersion >= r.version}
          minTtl={minTtl}
          save={actions.save}
          remove={actions.remove}
        />
      ))}
      <div className="border-t border-zinc-200 pt-5">
        <h3 className="mb-3 text-sm font-semibold text-zinc-900">{addTitle}</h3>
        {addable.length ? (
          <AddRecordsForm
          key={rrsets.map((r) => r.type).join(",")}
          hostId={hostId}
          name={name}
          types={addable}
          minTtl={minTtl}
          defaultTtl={Math.max(minTtl, 60)}
          save={actions.save}
        />
        ) : (
          <p className="text-sm text-zinc-600">{full}</p>
        )}
      </div>
    </>
  );
}
