// The records editor's input: one rrset (name, type, values one per line, TTL) of a host. Shared by the
// form and the server action; setRecords re-checks values (canonical form), the plan's record
// types and minimum TTL, and CNAME exclusivity. Client-safe.
import { z } from "zod";
import { hostIdField } from "./hosts";
import { RECORD_NAME_MESSAGE, RECORD_NAMES, recordValueProblem, SETTABLE_RECORD_TYPES } from "./record-values";

export { RECORD_NAMES, SETTABLE_RECORD_TYPES, type RecordName, type SettableType } from "./record-values";

/** lib/hosts/set-records.ts MAX_TTL and MAX_VALUES (a test keeps them equal). */
export const RECORD_MAX_TTL = 86_400;
export const RECORD_MAX_VALUES = 50;

export const ttlMessage = (minTtl: number) => `The TTL must be a whole number from ${minTtl} to ${RECORD_MAX_TTL} seconds.`;

const typeField = z.enum(SETTABLE_RECORD_TYPES, { error: "Choose a record type." });
/** Where in the host ("@" when the form sends none). */
const nameField = z.enum(RECORD_NAMES, { error: RECORD_NAME_MESSAGE }).default("@");
const ACME_TXT_ONLY = "Only TXT records can be set at _acme-challenge.";

/** The lines of a textarea: trimmed, blank lines dropped. */
export function valueLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

/** Save one rrset. `minTtl`: the plan's minimum (the form knows it; the server action leaves it to setRecords). */
export function recordsSchema(opts: { minTtl?: number } = {}) {
  const minTtl = opts.minTtl ?? 1;
  return z
    .object({
      hostId: hostIdField,
      name: nameField,
      type: typeField,
      values: z.string({ error: "Enter at least one value." }).max(200_000, "That is too much text.").transform(valueLines),
      ttl: z
        .string({ error: ttlMessage(minTtl) })
        .trim()
        .regex(/^\d{1,9}$/, ttlMessage(minTtl))
        .transform(Number)
        .pipe(z.number().int().min(minTtl, ttlMessage(minTtl)).max(RECORD_MAX_TTL, ttlMessage(minTtl))),
    })
    .superRefine((v, ctx) => {
      const issue = (message: string) => ctx.addIssue({ code: "custom", path: ["values"], message });
      if (v.name === "_acme-challenge" && v.type !== "TXT") return ctx.addIssue({ code: "custom", path: ["type"], message: ACME_TXT_ONLY });
      if (v.values.length === 0) return issue("Enter at least one value (or remove these records).");
      if (v.values.length > RECORD_MAX_VALUES) return issue(`At most ${RECORD_MAX_VALUES} values per record type.`);
      if (v.type === "CNAME" && v.values.length > 1) return issue("A name can have only one CNAME target.");
      const problem = v.values.map((x) => recordValueProblem(v.type, x)).find(Boolean);
      if (problem) issue(problem);
    });
}

/** Remove one rrset of a host. */
export const removeRecordsSchema = z.object({ hostId: hostIdField, name: nameField, type: typeField });
