// The browser-side schemas agree with the server's rules they mirror (lib/dns/names.ts,
// lib/hosts/set-records.ts, lib/keys/create-update-key.ts), and give field messages.
import { describe, expect, it } from "vitest";
import { validateHostLabel } from "@/lib/dns/names";
import { MAX_TTL, MAX_VALUES } from "@/lib/hosts/set-records";
import { fieldErrorsOf } from "./form";
import { checkHostLabel } from "./host-label";
import { createHostSchema } from "./hosts";
import { createApiTokenSchema } from "./api-tokens";
import { createKeySchema } from "./keys";
import { createWebhookSchema } from "./notifications";
import { RECORD_MAX_TTL, RECORD_MAX_VALUES, recordsSchema } from "./records";

const HOST = "3f1c2a9e-8b8e-4a43-9a2b-6f0d4c1e2b7a";
const errorsOf = (r: { success: boolean; error?: unknown }) => (r.success ? {} : fieldErrorsOf(r.error as never));

describe("checkHostLabel", () => {
  it("keeps the limits equal to the server's", () => {
    expect([RECORD_MAX_TTL, RECORD_MAX_VALUES]).toEqual([MAX_TTL, MAX_VALUES]);
  });

  it("accepts and rejects what validateHostLabel does, with its messages and punycode", () => {
    const inputs = [
      "alice", " Alice ", "bücher", "BÜCHER", "xn--bcher-kva", "xn--abc", "ab--cd", "-a", "a-", "a_b", "a b", "a.b", "a.", "www",
      "WWW", "ns9", "a".repeat(63), "a".repeat(64), "ü".repeat(30), "日本", "mañana", "🙂", "straße", "xn--", "ﬁ", "a\u200db",
    ];
    for (const input of inputs) {
      const server = validateHostLabel(input);
      expect(checkHostLabel(input), input).toEqual(server.ok ? { ok: true, ascii: server.value } : { ok: false, message: server.error.message });
    }
  });

  it("leaves mixed scripts to the server, and says more than the server for an empty name", () => {
    expect(checkHostLabel("раураl")).toEqual({ ok: true, ascii: "xn--l-7sba6dbr" });
    expect(validateHostLabel("раураl").ok).toBe(false);
    expect(checkHostLabel("  ")).toEqual({ ok: false, message: "Choose a name for your host." });
  });

  it("gives the label's message on the label field", () => {
    expect(errorsOf(createHostSchema.safeParse({ zone: "dyn.test", label: "mail" }))).toEqual({ label: '"mail" is reserved; choose another name.' });
    expect(errorsOf(createHostSchema.safeParse({ zone: "", label: "ok" }))).toEqual({ zone: "Choose a domain." });
  });
});

describe("recordsSchema", () => {
  const parse = (v: Record<string, string>, minTtl = 60) => recordsSchema({ minTtl }).safeParse({ hostId: HOST, type: "A", ttl: "300", ...v });

  it("splits values into lines and turns the TTL into a number", () => {
    expect(parse({ values: " 192.0.2.1 \n\n198.51.100.2\r\n" })).toEqual({
      success: true, data: { hostId: HOST, name: "@", type: "A", ttl: 300, values: ["192.0.2.1", "198.51.100.2"] },
    });
    expect(parse({ name: "*", values: "192.0.2.1" }).data?.name).toBe("*");
  });

  it("takes the names of setRecords: @, * and _acme-challenge (TXT only)", () => {
    expect(errorsOf(parse({ name: "www", values: "192.0.2.1" }))).toEqual({ name: 'The name must be "@" (the host itself), "*" (its wildcard) or "_acme-challenge".' });
    expect(errorsOf(parse({ name: "_acme-challenge", values: "192.0.2.1" }))).toEqual({ type: "Only TXT records can be set at _acme-challenge." });
    expect(parse({ name: "_acme-challenge", type: "TXT", values: "token" }).success).toBe(true);
  });

  it("refuses bad values, TTLs and types with the server's messages", () => {
    expect(errorsOf(parse({ values: "192.0.2.300" }))).toEqual({ values: 'Invalid A value "192.0.2.300": expected an IPv4 address like 192.0.2.1' });
    expect(errorsOf(parse({ type: "AAAA", values: "2001:db8::1\nfe80::1%eth0" }))).toEqual({ values: 'Invalid AAAA value "fe80::1%eth0": expected an IPv6 address like 2001:db8::1' });
    expect(errorsOf(parse({ type: "MX", values: "mx.example.com." }))).toEqual({ values: 'Invalid MX value "mx.example.com.": expected "preference target", e.g. "10 mx.example.com."' });
    expect(errorsOf(parse({ type: "CNAME", values: "a.example.\nb.example." }))).toEqual({ values: "A name can have only one CNAME target." });
    expect(errorsOf(parse({ values: "" }))).toEqual({ values: "Enter at least one value (or remove these records)." });
    expect(errorsOf(parse({ values: "192.0.2.1", ttl: "30" }))).toEqual({ ttl: "The TTL must be a whole number from 60 to 86400 seconds." });
    expect(errorsOf(parse({ values: "192.0.2.1", ttl: "1.5" }))).toEqual({ ttl: "The TTL must be a whole number from 60 to 86400 seconds." });
    expect(errorsOf(parse({ values: "192.0.2.1", ttl: "86401" }))).toEqual({ ttl: "The TTL must be a whole number from 60 to 86400 seconds." });
    expect(errorsOf(parse({ values: "x", type: "NS" }))).toEqual({ type: "Choose a record type." });
  });
});

describe("createKeySchema", () => {
  it("collects the ticked record types, networks and expiry", () => {
    const r = createKeySchema.safeParse({ hostId: HOST, label: " router ", type_A: "on", type_TXT: "on", cidrs: "192.0.2.0/24, 2001:db8::/48\n198.51.100.7", expires: "2099-01-31" });
    expect(r).toEqual({
      success: true,
      data: { hostId: HOST, label: "router", recordTypes: ["A", "TXT"], allowedCidrs: ["192.0.2.0/24", "2001:db8::/48", "198.51.100.7"], expiresAt: new Date("2099-01-31T23:59:59.999Z") },
    });
    expect(createKeySchema.safeParse({ hostId: "", type_AAAA: "on" }).data).toEqual({ hostId: null, label: "", recordTypes: ["AAAA"], allowedCidrs: [], expiresAt: null });
  });

  it("refuses no types, bad networks and past or malformed dates", () => {
    expect(errorsOf(createKeySchema.safeParse({ hostId: HOST }))).toEqual({ types: "Choose at least one record type." });
    expect(errorsOf(createKeySchema.safeParse({ type_A: "on", cidrs: "192.0.2.0/33" }))).toEqual({ cidrs: '"192.0.2.0/33" is not an address or network like 192.0.2.0/24 or 2001:db8::/48.' });
    expect(errorsOf(createKeySchema.safeParse({ type_A: "on", expires: "2001-01-01" }))).toEqual({ expires: "The expiry must be in the future." });
    expect(errorsOf(createKeySchema.safeParse({ type_A: "on", expires: "2099-02-30" }))).toEqual({ expires: "Enter a date like 2027-03-01." });
    expect(errorsOf(createKeySchema.safeParse({ cidrs: "nope", expires: "2001-01-01" }))).toEqual({
      types: "Choose at least one record type.",
      cidrs: '"nope" is not an address or network like 192.0.2.0/24 or 2001:db8::/48.',
      expires: "The expiry must be in the future.",
    });
  });
});

describe("token and webhook schemas", () => {
  it("turn ticked boxes into lists and name the empty group", () => {
    expect(createApiTokenSchema.safeParse({ label: "ci", "scope:hosts:read": "on", "scope:keys:write": "on", "scope:bogus": "on" }).data).toEqual({
      label: "ci", expiresAt: null, scopes: ["hosts:read", "keys:write"],
    });
    expect(errorsOf(createApiTokenSchema.safeParse({ label: "x".repeat(101) }))).toEqual({ label: "Use at most 100 characters.", scopes: "Choose at least one scope." });
    expect(createWebhookSchema.safeParse({ url: " https://example.com/h ", "event:host.status_changed": "on" }).data).toEqual({
      url: "https://example.com/h", events: ["host.status_changed"],
    });
    expect(errorsOf(createWebhookSchema.safeParse({ url: "ftp:/x" }))).toEqual({
      url: "Enter a full URL, like https://example.com/hooks/dynhost.", events: "Choose at least one event.",
    });
  });
});
