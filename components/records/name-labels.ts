// How the records editor names the places in a host: form names ("Wildcard A records"), button
// texts ("Save wildcard A") and id prefixes. The host's own records keep the plain names.
import type { RecordName } from "@/lib/validation/records";

export const NAME_LABELS: Record<RecordName, { prefix: string; inline: string; slug: string }> = {
  "@": { prefix: "", inline: "", slug: "" },
  "*": { prefix: "Wildcard ", inline: "wildcard ", slug: "wildcard-" },
  "_acme-challenge": { prefix: "ACME challenge ", inline: "ACME challenge ", slug: "acme-" },
};
