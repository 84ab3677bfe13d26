import { describe, expect, it } from "vitest";
import { signInSchema, signUpSchema, resetPasswordSchema, totpCodeSchema } from "@/lib/validation/auth";
import { fieldErrorsOf } from "@/lib/validation/form";

function errors(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, v: unknown) {
  const r = schema.safeParse(v);
  expect(r.success).toBe(false);
  return fieldErrorsOf(r.error as never);
}

describe("signUpSchema", () => {
  it("normalises a good input", () => {
    expect(signUpSchema.parse({ email: "  Ann@Example.COM ", password: "correct horse battery", name: " Ann " })).toEqual({
      email: "ann@example.com",
      password: "correct horse battery",
      name: "Ann",
    });
    expect(signUpSchema.parse({ email: "a@b.co", password: "correct horse battery", name: "" }).name).toBeUndefined();
  });

  it("puts each problem on its field", () => {
    expect(errors(signUpSchema, { email: "not-an-email", password: "short" })).toEqual({
      email: "Enter a valid email address, like name@example.com",
      password: "Use at least 10 characters",
    });
    expect(errors(signUpSchema, { email: "", password: "x".repeat(129) })).toEqual({
      email: "Enter your email address",
      password: "Use at most 128 characters",
    });
    expect(errors(signUpSchema, { email: `${"a".repeat(250)}@b.co`, password: "password123" })).toEqual({
      email: "Email addresses are at most 254 characters",
      password: "This password is too easy to guess",
    });
    expect(errors(signUpSchema, { email: "a@b.co", password: "aaaaaaaaaaaa" })).toEqual({
      password: "This password is too easy to guess",
    });
    expect(errors(signUpSchema, { email: "ann.lee@ex.com", password: "ANN.LEE@EX.COM" })).toEqual({
      password: "Your password cannot be your email address",
    });
    expect(errors(signUpSchema, { email: "a@b.co", password: "correct horse\u0000battery" })).toEqual({
      password: "Passwords cannot contain control characters",
    });
  });

  it("rejects unicode tricks in names", () => {
    const msg = { name: "Names cannot contain control, bidi or invisible characters" };
    for (const name of ["Ann\u0000", "Ann\u202eevil", "\u2066Ann", "A\u200bnn", "\ufeffAnn", "Ann\ud800", "Ann\u0085"]) {
      expect(errors(signUpSchema, { email: "a@b.co", password: "correct horse battery", name })).toEqual(msg);
    }
    expect(errors(signUpSchema, { email: "a@b.co", password: "correct horse battery", name: "n".repeat(81) })).toEqual({
      name: "Use at most 80 characters",
    });
    expect(signUpSchema.parse({ email: "a@b.co", password: "correct horse battery", name: "Zoë 😀 Ünal" }).name).toBe(
      "Zoë 😀 Ünal",
    );
    // NFD input is stored composed.
    expect(signUpSchema.parse({ email: "a@b.co", password: "correct horse battery", name: "Zoe\u0308" }).name).toBe("Zoë");
  });

  it("rejects non-strings without throwing", () => {
    expect(errors(signUpSchema, { email: 42, password: null })).toEqual({
      email: "Enter your email address",
      password: "Choose a password",
    });
  });
});

describe("signInSchema", () => {
  it("accepts an empty or spaced TOTP code", () => {
    expect(signInSchema.parse({ email: "A@b.co", password: "x", totp: "" })).toEqual({ email: "a@b.co", password: "x" });
    expect(signInSchema.parse({ email: "a@b.co", password: "x", totp: "123 456" }).totp).toBe("123456");
    expect(errors(signInSchema, { email: "a@b.co", password: "", totp: "12345" })).toEqual({
      password: "Enter your password",
      totp: "Enter the 6-digit code from your authenticator app",
    });
  });
});

describe("resetPasswordSchema and totpCodeSchema", () => {
  it("validate tokens and codes", () => {
    expect(errors(resetPasswordSchema, { token: "short", password: "correct horse battery" })).toEqual({
      token: "This link is incomplete or damaged",
    });
    expect(errors(resetPasswordSchema, { token: "a".repeat(43) + "'", password: "correct horse battery" })).toEqual({
      token: "This link is incomplete or damaged",
    });
    expect(resetPasswordSchema.parse({ token: "A_b-".repeat(11), password: "correct horse battery" }).token).toBe("A_b-".repeat(11));
    expect(totpCodeSchema.parse({ code: " 012 345 " })).toEqual({ code: "012345" });
    expect(errors(totpCodeSchema, { code: "12a456" })).toEqual({ code: "Enter the 6-digit code from your authenticator app" });
  });
});
