import { describe, expect, it } from "vitest";
import { isInZone, NameError, normalizeFqdn, normalizeLabel, RESERVED_LABELS, splitFqdn, toUnicode, validateHostLabel, type NameResult } from "./names";

const value = <T>(r: NameResult<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
};
const failure = <T>(r: NameResult<T>): [string, string] => {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  expect(r.error).toBeInstanceOf(NameError);
  return [r.error.code, r.error.message];
};

describe("normalizeFqdn", () => {
  it.each([
    ["Alice.Dyn.Test.", "alice.dyn.test"],
    ["  my-host1.dyn.test ", "my-host1.dyn.test"],
    ["123.dyn.test", "123.dyn.test"],
    ["Bücher.dyn.test", "xn--bcher-kva.dyn.test"],
    ["xn--bcher-kva.dyn.test", "xn--bcher-kva.dyn.test"],
    ["ＡＢＣ。dyn.test", "abc.dyn.test"],
    ["москва.dyn.test", "xn--80adxhks.dyn.test"],
    ["日本語.dyn.test", "xn--wgv71a119e.dyn.test"],
    ["ひらがなカタカナ漢字abc.dyn.test", "xn--abc-o73b4fvb9jyka3rseo550d906b.dyn.test"],
    ["faß.dyn.test", "xn--fa-hia.dyn.test"],
    [`${"a".repeat(63)}.dyn.test`, `${"a".repeat(63)}.dyn.test`],
  ])("%j → %j", (input, expected) => {
    expect(value(normalizeFqdn(input))).toBe(expected);
  });

  it.each([
    ["", "empty", "Enter a hostname."],
    ["a..dyn.test", "empty_label", "The name has an empty part (two dots in a row, or a leading dot)."],
    [".dyn.test", "empty_label", "The name has an empty part (two dots in a row, or a leading dot)."],
    [`${"a".repeat(64)}.dyn.test`, "label_too_long", `"${"a".repeat(64)}" is longer than 63 characters.`],
    [`${"ü".repeat(60)}.dyn.test`, "label_too_long", `"${"ü".repeat(60)}" is longer than 63 characters once encoded.`],
    [`${"abcdefghi.".repeat(25)}dyn.test`, "too_long", "The name is longer than 253 characters."],
    ["my_host.dyn.test", "invalid_characters", '"my_host" may contain only letters, digits and hyphens.'],
    ["my host.dyn.test", "invalid_characters", '"my host" may contain only letters, digits and hyphens.'],
    ["-host.dyn.test", "hyphen_position", '"-host" cannot start or end with a hyphen.'],
    ["host-.dyn.test", "hyphen_position", '"host-" cannot start or end with a hyphen.'],
    ["ab--cd.dyn.test", "invalid_idn", '"ab--cd" is not a valid internationalised name ("--" in the third and fourth positions is reserved for them).'],
    ["xn--zz.dyn.test", "invalid_idn", '"xn--zz" is not a valid internationalised name ("--" in the third and fourth positions is reserved for them).'],
    ["😀.dyn.test", "invalid_characters", '"😀" may contain only letters, digits and hyphens.'],
    ["xn--e28h.dyn.test", "invalid_characters", '"xn--e28h" may contain only letters, digits and hyphens.'],
    ["pаypal.dyn.test", "mixed_script", '"pаypal" mixes Latin and Cyrillic letters, which can imitate other names.'],
    ["xn--pypal-4ve.dyn.test", "mixed_script", '"pаypal" mixes Latin and Cyrillic letters, which can imitate other names.'],
    ["αpple.dyn.test", "mixed_script", '"αpple" mixes Greek and Latin letters, which can imitate other names.'],
    ["１２３.dyn.test", "invalid_idn", '"１２３" is not a valid internationalised name.'],
  ])("%j is rejected (%s)", (input, code, message) => {
    expect(failure(normalizeFqdn(input))).toEqual([code, message]);
  });

  it("allows service labels with a leading underscore only when asked", () => {
    expect(value(normalizeFqdn("_acme-challenge.Alice.dyn.test", { allowUnderscore: true }))).toBe("_acme-challenge.alice.dyn.test");
    expect(failure(normalizeFqdn("_acme-challenge.alice.dyn.test"))[0]).toBe("invalid_characters");
    expect(failure(normalizeFqdn("a_b.dyn.test", { allowUnderscore: true }))[0]).toBe("invalid_characters");
  });
});

describe("toUnicode", () => {
  it("decodes punycode labels for display", () => {
    expect(toUnicode("xn--bcher-kva.dyn.test")).toBe("bücher.dyn.test");
    expect(toUnicode("plain.dyn.test")).toBe("plain.dyn.test");
  });
});

describe("zones", () => {
  const zones = ["dyn.test", "Eu.Dyn.Test.", "other.example"];

  it("isInZone matches the zone and names below it, not look-alike suffixes", () => {
    expect([isInZone("a.dyn.test", "dyn.test"), isInZone("dyn.test.", "DYN.test"), isInZone("a.notdyn.test", "dyn.test"), isInZone("test", "dyn.test")]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it("splitFqdn picks the longest matching zone", () => {
    expect(value(splitFqdn("Alice.eu.dyn.test.", zones))).toEqual({ fqdn: "alice.eu.dyn.test", zone: "eu.dyn.test", label: "alice" });
    expect(value(splitFqdn("alice.dyn.test", zones))).toEqual({ fqdn: "alice.dyn.test", zone: "dyn.test", label: "alice" });
    expect(value(splitFqdn("a.b.other.example", zones))).toEqual({ fqdn: "a.b.other.example", zone: "other.example", label: "a.b" });
    expect(value(splitFqdn("Bücher.dyn.test", zones))).toEqual({ fqdn: "xn--bcher-kva.dyn.test", zone: "dyn.test", label: "xn--bcher-kva" });
  });

  it("splitFqdn explains names outside every zone, the apex, and invalid names", () => {
    expect(failure(splitFqdn("alice.example.com", zones))).toEqual(["not_in_zone", "alice.example.com is not under any of our domains."]);
    expect(failure(splitFqdn("dyn.test", zones))).toEqual(["zone_apex", "dyn.test itself cannot be used; choose a name under it."]);
    expect(failure(splitFqdn("bad_name.dyn.test", zones))[0]).toBe("invalid_characters");
  });
});

describe("validateHostLabel", () => {
  it("accepts a normal label and returns its ASCII form", () => {
    expect(value(validateHostLabel("My-Router"))).toBe("my-router");
    expect(value(validateHostLabel("zürich"))).toBe("xn--zrich-kva");
  });

  it("rejects reserved labels, but not _acme-challenge (not a host label anyway)", () => {
    for (const label of ["www", "WWW", "mail", "ns", "ns1", "ns9", "admin", "abuse", "api", "status", "root", "hostmaster", "postmaster", "webmaster"]) {
      expect(failure(validateHostLabel(label))).toEqual(["reserved", `"${label.toLowerCase()}" is reserved; choose another name.`]);
    }
    expect(RESERVED_LABELS.has("_acme-challenge")).toBe(false);
    expect(RESERVED_LABELS.has("ns10")).toBe(false);
    expect(value(normalizeLabel("_acme-challenge", { allowUnderscore: true }))).toBe("_acme-challenge");
  });

  it("rejects dots and invalid labels", () => {
    expect(failure(validateHostLabel("a.b"))).toEqual(["not_single_label", "Choose a single name without dots."]);
    expect(failure(validateHostLabel("-x"))[0]).toBe("hyphen_position");
    expect(failure(validateHostLabel(""))[0]).toBe("empty_label");
  });
});
