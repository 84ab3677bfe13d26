// What each record type holds, for placeholders and hints in the records editor.
import type { SettableType } from "@/lib/validation/records";

export const TYPE_HINTS: Record<SettableType, { placeholder: string; hint: string }> = {
  A: { placeholder: "203.0.113.7", hint: "IPv4 addresses, one per line (several: round robin)." },
  AAAA: { placeholder: "2001:db8::7", hint: "IPv6 addresses, one per line (several: round robin)." },
  TXT: { placeholder: "v=spf1 -all", hint: "One text per line; quote it (\"…\") to write several strings." },
  MX: { placeholder: "10 mail.example.com.", hint: "Preference and mail server, one per line." },
  CNAME: { placeholder: "target.example.com.", hint: "One target name. A CNAME cannot sit beside other records." },
  CAA: { placeholder: '0 issue "letsencrypt.org"', hint: "Flags, tag and value, one per line." },
  SRV: { placeholder: "10 5 5060 sip.example.com.", hint: "Priority, weight, port and target, one per line." },
};

/** The ACME DNS-01 token an _acme-challenge TXT holds (43 base64url characters). */
export const ACME_TXT_HINT = { placeholder: "gfj9Xq...Rg85nM", hint: "The token your ACME client asks you to publish, one per line." };

/** Placeholder and hint for a type at a name. */
export function hintFor(name: string, type: SettableType): { placeholder: string; hint: string } {
  return name === "_acme-challenge" && type === "TXT" ? ACME_TXT_HINT : TYPE_HINTS[type];
}
