// One schema per hostname input, shared by the forms (client validation as the user types) and the
// server actions (the authority, before createHost/deleteHost re-check everything). Client-safe.
import { z } from "zod";
import { checkHostLabel } from "./host-label";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a hidden field or the URL (a malformed one is "not found" to the services anyway). */
export function idField(message: string) {
  return z.string({ error: message }).regex(UUID, message);
}

export const hostIdField = idField("Which host?");

/** The label typed in "Create a host"; kept as typed (the server normalises it). */
export const hostLabelField = z.string({ error: "Choose a name for your host." }).superRefine((value, ctx) => {
  const r = checkHostLabel(value);
  if (!r.ok) ctx.addIssue({ code: "custom", message: r.message });
});

/** POST /hosts — register a hostname under one of our domains. */
export const createHostSchema = z.object({
  zone: z.string({ error: "Choose a domain." }).trim().min(1, "Choose a domain.").max(253, "Choose a domain."),
  label: hostLabelField,
});
export type CreateHostInput = z.input<typeof createHostSchema>;

/** Delete a host: the user types its name to confirm (checked against the host on the server). */
export const deleteHostSchema = z.object({
  hostId: hostIdField,
  confirm: z.string({ error: "Type the hostname to confirm." }).trim().min(1, "Type the hostname to confirm.").max(300),
});

/** Buttons that act on one host (use my current IP, bring an expired host back). */
export const hostActionSchema = z.object({ hostId: hostIdField });
