import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUri, totpAt, verifyTotp } from "@/lib/auth/totp";

// RFC 6238 Appendix B: seeds are the ASCII strings below, 8 digits, 30 s steps.
const SEED = {
  sha1: "12345678901234567890",
  sha256: "12345678901234567890123456789012",
  sha512: "1234567890123456789012345678901234567890123456789012345678901234",
} as const;
const VECTORS: [number, string, string, string][] = [
  [59, "94287082", "46119246", "90693936"],
  [1111111109, "07081804", "68084774", "25091201"],
  [1111111111, "14050471", "67062674", "99943326"],
  [1234567890, "89005924", "91819424", "93441116"],
  [2000000000, "69279037", "90698825", "38618901"],
  [20000000000, "65353130", "77737706", "47863826"],
];

describe("TOTP", () => {
  it("matches the RFC 6238 test vectors for SHA-1, SHA-256 and SHA-512", () => {
    for (const [t, s1, s256, s512] of VECTORS) {
      const got = (["sha1", "sha256", "sha512"] as const).map((algorithm) =>
        totpAt(base32Encode(Buffer.from(SEED[algorithm])), t * 1000, { digits: 8, algorithm }),
      );
      expect(got).toEqual([s1, s256, s512]);
    }
  });

  it("matches the RFC 4226 HOTP vectors", () => {
    const key = Buffer.from(SEED.sha1);
    const codes = Array.from({ length: 10 }, (_, i) => hotp(key, BigInt(i)));
    expect(codes).toEqual([
      "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489",
    ]);
  });

  it("base32 round-trips and matches RFC 4648 examples", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Encode(Buffer.from("fooba"))).toBe("MZXW6YTB");
    expect(base32Decode("mzxw 6ytb oi==").toString()).toBe("foobar");
    expect(() => base32Decode("MZXW1")).toThrow("not a base32 character");
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(s)).toHaveLength(20);
  });

  it("accepts the current code and one step of drift, nothing else", () => {
    const secret = base32Encode(Buffer.from(SEED.sha1));
    const now = 1_111_111_111_000;
    expect(totpAt(secret, now)).toBe("050471");
    expect(verifyTotp(secret, "050471", now)).toBe(true);
    expect(verifyTotp(secret, totpAt(secret, now - 30_000), now)).toBe(true);
    expect(verifyTotp(secret, totpAt(secret, now + 30_000), now)).toBe(true);
    expect(verifyTotp(secret, totpAt(secret, now - 60_000), now)).toBe(false);
    expect(verifyTotp(secret, totpAt(secret, now + 60_000), now)).toBe(false);
    expect(verifyTotp(secret, "05047", now)).toBe(false);
    expect(verifyTotp(secret, "0504711", now)).toBe(false);
    // matchTotp names the step a code belongs to (what lib/auth/totp-use.ts records as used).
    const step = BigInt(Math.floor(now / 30_000));
    expect([matchTotp(secret, "050471", now), matchTotp(secret, totpAt(secret, now + 30_000), now), matchTotp(secret, "000000", now)]).toEqual([step, step + 1n, null]);
  });

  it("builds the otpauth URI", () => {
    expect(otpauthUri({ secret: "JBSWY3DPEHPK3PXP", account: "ann@example.com", issuer: "dynhost" })).toBe(
      "otpauth://totp/dynhost%3Aann%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=dynhost&algorithm=SHA1&digits=6&period=30",
    );
  });
});
