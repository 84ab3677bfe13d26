// Update-key inputs: create (label, record types, allowed networks, expiry) and revoke. Record
// types are one checkbox each ("type_A" = "on"); networks one per line or comma-separated.
// createUpdateKey re-checks the plan's types, the host's owner and each network. Client-safe.
import { z } from "zod";
import { expiryDateField } from "./expiry";
import { hostIdField, idField } from "./hosts";
import { isIPv4Text, isIPv6Text } from "./record-values";

/** Record types an update key may change (lib/keys/create-update-key.ts KEY_TYPES). */
export const KEY_RECORD_TYPES = ["A", "AAAA", "TXT", "MX"] as const;
export type KeyRecordType = (typeof KEY_RECORD_TYPES)[number];
export const MAX_KEY_CIDRS = 20;

/** True for "192.0.2.0/24", "2001:db8::/48" or a bare address. */
export function isCidrText(entry: string): boolean {
  const [addr = "", bits, extra] = entry.split("/");
  if (extra !== undefined || (bits !== undefined && !/^\d{1,3}$/.test(bits))) return false;
  if (isIPv4Text(addr)) return bits === undefined || Number(bits) <= 32;
  return isIPv6Text(addr) && (bits === undefined || Number(bits) <= 128);
}

const cidrsField = z
  .string()
  .max(2000, "That is too much text.")
  .optional()
  .transform((v) => (v ?? "").split(/[\s,]+/).filter(Boolean))
  .superRefine((list, ctx) => {
    if (list.length > MAX_KEY_CIDRS) ctx.addIssue({ code: "custom", message: `At most ${MAX_KEY_CIDRS} networks.` });
    const bad = list.find((c) => !isCidrText(c));
    if (bad) ctx.addIssue({ code: "custom", message: `"${bad}" is not an address or network like 192.0.2.0/24 or 2001:db8::/48.` });
  });

/** The ticked boxes named `${prefix}${value}` of a form, as a list (so the schema checks it like any field). */
export function tickedBoxes<T extends string>(prefix: string, values: readonly T[], field: string) {
  return (raw: unknown) => {
    if (!raw || typeof raw !== "object") return raw;
    const r = raw as Record<string, unknown>;
    return { ...r, [field]: values.filter((v) => r[`${prefix}${v}`] === "on") };
  };
}

/** Create an update key (for the host in `hostId`, or account-wide when it is empty). */
export const createKeySchema = z.preprocess(
  tickedBoxes("type_", KEY_RECORD_TYPES, "types"),
  z
    .object({
      hostId: z.union([z.literal("").transform(() => null), hostIdField]).optional(),
      label: z.string().trim().max(100, "Use at most 100 characters.").optional(),
      types: z.array(z.enum(KEY_RECORD_TYPES)).min(1, "Choose at least one record type."),
      cidrs: cidrsField,
      expires: expiryDateField,
    })
    .transform((v) => ({ hostId: v.hostId ?? null, label: v.label ?? "", recordTypes: v.types, allowedCidrs: v.cidrs, expiresAt: v.expires })),
);

/** Revoke one of the caller's keys. */
export const revokeKeySchema = z.object({ keyId: idField("Which key?") });

/** Lift one of the caller's client blocks (a paused update client). */
export const liftBlockSchema = z.object({ blockId: idField("Which paused client?") });

/** What the create action answers: on success, the secret — shown once, never stored. */
export type KeyCreatedState = import("./form").FormState & { secret?: string };
