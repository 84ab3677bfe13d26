import { describe, expect, it } from "vitest";
import { generateSecret, hashSecret, looksLikeSecret } from "./secret";

describe("secrets", () => {
  it("are 32 random bytes with a prefix, stored as SHA-256 with a display prefix", () => {
    const a = generateSecret("updateKey");
    const b = generateSecret("updateKey");
    expect(a.secret).toMatch(/^dhk_[A-Za-z0-9_-]{43}$/);
    expect(a.secret).not.toBe(b.secret);
    expect(a.secretHash).toBe(hashSecret(a.secret));
    expect(a.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.prefix).toBe(a.secret.slice(0, 12));
    expect(hashSecret("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(looksLikeSecret("updateKey", a.secret)).toBe(true);
    for (const bad of ["", "dhk_", a.secret + "x", a.secret.replace("dhk_", "dhx_"), "dhk_" + "!".repeat(43)]) expect(looksLikeSecret("updateKey", bad)).toBe(false);
  });
  it("each kind has its own prefix, and one kind's secret is not another's", () => {
    const token = generateSecret("apiToken").secret;
    const reporter = generateSecret("reporterKey").secret;
    const link = generateSecret("link").secret;
    expect([token.slice(0, 4), reporter.slice(0, 4), link.length]).toEqual(["dht_", "dhr_", 43]);
    expect([looksLikeSecret("updateKey", token), looksLikeSecret("apiToken", token), looksLikeSecret("apiToken", reporter), looksLikeSecret("link", link)]).toEqual([false, true, false, true]);
  });
});
