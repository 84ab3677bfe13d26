// A hostname label as the user types it, checked in the browser with the rules of
// lib/dns/names.ts validateHostLabel (LDH, lengths, hyphens, IDN, reserved labels). Client-safe:
// the punycode form comes from the WHATWG URL parser (UTS #46 in browsers and Node alike). The
// server stays the authority: validateHostLabel also rejects mixed-script labels, and createHost
// adds taken and quarantined names.
import { RESERVED_LABELS } from "@/lib/dns/reserved-labels";

export type LabelCheck = { ok: true; ascii: string } | { ok: false; message: string };

const SEPARATORS = /[.\u3002\uff0e\uff61]/;
const TRAILING_DOT = /[.\u3002\uff0e\uff61]$/;

// The ASCII (punycode) form of one label, or null when the URL parser refuses it.
function asciiOf(label: string): string | null {
  try {
    const host = new URL(`http://${label}.invalid/`).hostname;
    return host.endsWith(".invalid") ? host.slice(0, -".invalid".length) : null;
  } catch {
    return null;
  }
}

/** checkHostLabel — the label's ASCII form, or the reason (written for the person typing) it cannot be used. */
export function checkHostLabel(input: string): LabelCheck {
  const trimmed = input.trim().replace(TRAILING_DOT, "");
  const fail = (message: string): LabelCheck => ({ ok: false, message });
  if (trimmed === "") return fail("Choose a name for your host.");
  if (SEPARATORS.test(trimmed)) return fail("Choose a single name without dots.");
  let label = trimmed.toLowerCase();
  if (!/^[\x00-\x7f]*$/.test(label)) {
    if (![...label].every((ch) => /^[\x00-\x7f\p{L}\p{M}\p{Nd}]$/u.test(ch))) return fail(`"${input}" may contain only letters, digits and hyphens.`);
    const ascii = asciiOf(label);
    if (ascii === null || ascii === "" || ascii.includes(".")) return fail(`"${input}" is not a valid internationalised name.`);
    label = ascii;
  }
  if (label.length > 63) return fail(`"${input}" is longer than 63 characters${label !== input ? " once encoded" : ""}.`);
  if (!/^[a-z0-9-]+$/.test(label)) return fail(`"${input}" may contain only letters, digits and hyphens.`);
  if (label.startsWith("-") || label.endsWith("-")) return fail(`"${input}" cannot start or end with a hyphen.`);
  if (label.slice(2, 4) === "--" && (!label.startsWith("xn--") || asciiOf(label) !== label)) {
    return fail(`"${input}" is not a valid internationalised name ("--" in the third and fourth positions is reserved for them).`);
  }
  if (RESERVED_LABELS.has(label)) return fail(`"${label}" is reserved; choose another name.`);
  return { ok: true, ascii: label };
}
