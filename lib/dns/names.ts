// Domain names as users type them: validation (LDH, lengths), IDN ↔ punycode (UTS #46 through
// node:url), mixed-script rejection, reserved labels, and splitting an FQDN into zone + label.
// Every failure is a NameError whose message can be shown in a form; dyndns2 maps any of them to
// `notfqdn`.
import { domainToASCII, domainToUnicode } from "node:url";
import { confusableMix } from "./names-script";
import { RESERVED_LABELS } from "./reserved-labels";

export type NameErrorCode =
  | "empty" | "too_long" | "empty_label" | "label_too_long" | "invalid_characters" | "hyphen_position"
  | "invalid_idn" | "mixed_script" | "reserved" | "not_in_zone" | "zone_apex" | "not_single_label";

/** A name users cannot have; `message` is written for them. */
export class NameError extends Error {
  constructor(
    readonly code: NameErrorCode,
    message: string,
    readonly input: string,
  ) {
    super(message);
    this.name = "NameError";
  }
}

export type NameResult<T> = { ok: true; value: T } | { ok: false; error: NameError };

export type NameOptions = {
  /** Allow labels starting with "_" (service names such as _acme-challenge, _dmarc). */
  allowUnderscore?: boolean;
};

export { RESERVED_LABELS };

const ok = <T>(value: T): NameResult<T> => ({ ok: true, value });
const err = <T>(code: NameErrorCode, message: string, input: string): NameResult<T> => ({ ok: false, error: new NameError(code, message, input) });
const SEPARATORS = /[.\u3002\uff0e\uff61]/;

// One label in its ASCII (punycode, lower-case) form, or the reason it is not allowed.
export function normalizeLabel(input: string, options: NameOptions = {}): NameResult<string> {
  let label = input.trim().toLowerCase();
  if (label === "") return err("empty_label", "The name has an empty part (two dots in a row, or a leading dot).", input);
  if (!/^[\x00-\x7f]*$/.test(label)) {
    if (![...label].every((ch) => /^[\x00-\x7f\p{L}\p{M}\p{Nd}]$/u.test(ch))) {
      return err("invalid_characters", `"${input}" may contain only letters, digits and hyphens.`, input);
    }
    label = domainToASCII(label);
    if (label === "" || label.includes(".")) return err("invalid_idn", `"${input}" is not a valid internationalised name.`, input);
  }
  const underscore = options.allowUnderscore && label.startsWith("_");
  const body = underscore ? label.slice(1) : label;
  if (label.length > 63) return err("label_too_long", `"${input}" is longer than 63 characters${label !== input ? " once encoded" : ""}.`, input);
  if (!/^[a-z0-9-]+$/.test(body)) return err("invalid_characters", `"${input}" may contain only letters, digits and hyphens.`, input);
  if (body.startsWith("-") || body.endsWith("-")) return err("hyphen_position", `"${input}" cannot start or end with a hyphen.`, input);
  if (label.slice(2, 4) === "--") {
    const unicode = label.startsWith("xn--") ? domainToUnicode(label) : "";
    if (!unicode || unicode === label || domainToASCII(unicode) !== label) {
      return err("invalid_idn", `"${input}" is not a valid internationalised name ("--" in the third and fourth positions is reserved for them).`, input);
    }
  }
  const unicode = label.startsWith("xn--") ? domainToUnicode(label) : label;
  if (![...unicode].every((ch) => /^[a-z0-9_-]$|^[\p{L}\p{M}\p{Nd}]$/u.test(ch))) {
    return err("invalid_characters", `"${input}" may contain only letters, digits and hyphens.`, input);
  }
  const mix = confusableMix(unicode);
  if (mix) return err("mixed_script", `"${unicode}" mixes ${mix.join(" and ")} letters, which can imitate other names.`, input);
  return ok(label);
}

// A whole name in ASCII, lower-case, without the trailing dot ("Bücher.Dyn.Test." → "xn--bcher-kva.dyn.test").
export function normalizeFqdn(input: string, options: NameOptions = {}): NameResult<string> {
  const text = input.trim().replace(/[.\u3002\uff0e\uff61]$/, "");
  if (text === "") return err("empty", "Enter a hostname.", input);
  const labels: string[] = [];
  for (const part of text.split(SEPARATORS)) {
    const label = normalizeLabel(part, options);
    if (!label.ok) return label;
    labels.push(label.value);
  }
  const name = labels.join(".");
  if (name.length > 253) return err("too_long", "The name is longer than 253 characters.", input);
  return ok(name);
}

// The name for display: punycode labels turned back into Unicode.
export function toUnicode(fqdn: string): string {
  return fqdn.split(".").map((l) => (l.startsWith("xn--") ? domainToUnicode(l) || l : l)).join(".");
}

// Whether `name` is `zone` itself or below it (both in normalised ASCII form, any case, dots ignored).
export function isInZone(name: string, zone: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, "");
  const z = zone.toLowerCase().replace(/\.$/, "");
  return n === z || n.endsWith(`.${z}`);
}

// Normalise `fqdn` and split it at the longest of `zones` it is in: "Alice.dyn.test" → {zone: "dyn.test", label: "alice"}.
export function splitFqdn(fqdn: string, zones: readonly string[], options: NameOptions = {}): NameResult<{ fqdn: string; zone: string; label: string }> {
  const name = normalizeFqdn(fqdn, options);
  if (!name.ok) return name;
  const zone = zones
    .map((z) => z.toLowerCase().replace(/\.$/, ""))
    .filter((z) => isInZone(name.value, z))
    .sort((a, b) => b.length - a.length)[0];
  if (zone === undefined) return err("not_in_zone", `${toUnicode(name.value)} is not under any of our domains.`, fqdn);
  if (zone === name.value) return err("zone_apex", `${toUnicode(zone)} itself cannot be used; choose a name under it.`, fqdn);
  return ok({ fqdn: name.value, zone, label: name.value.slice(0, -zone.length - 1) });
}

// A label a user may register as a host under a shared zone: one label, valid, not reserved.
export function validateHostLabel(input: string): NameResult<string> {
  if (SEPARATORS.test(input.trim().replace(/[.\u3002\uff0e\uff61]$/, ""))) {
    return err("not_single_label", "Choose a single name without dots.", input);
  }
  const label = normalizeLabel(input.trim().replace(/[.\u3002\uff0e\uff61]$/, ""));
  if (!label.ok) return label;
  if (RESERVED_LABELS.has(label.value)) return err("reserved", `"${label.value}" is reserved; choose another name.`, input);
  return label;
}
