// TOTP (RFC 6238 over RFC 4226 HOTP) with node:crypto, and the base32 secrets authenticator apps
// read (RFC 4648, no padding).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export type TotpAlgorithm = "sha1" | "sha256" | "sha512";
export type TotpOptions = { digits?: number; step?: number; algorithm?: TotpAlgorithm };

/** Base32 (RFC 4648) without padding. */
export function base32Encode(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes base32, ignoring case, spaces and padding; throws on any other character. */
export function base32Decode(s: string): Buffer {
  const clean = s.replace(/[\s=]/g, "").toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const idx = ALPHABET.indexOf(ch);
    if (idx < 0) throw new Error(`not a base32 character: ${JSON.stringify(ch)}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** HOTP (RFC 4226) value for a counter. */
export function hotp(key: Buffer, counter: bigint, digits = 6, algorithm: TotpAlgorithm = "sha1"): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(counter);
  const mac = createHmac(algorithm, key).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const bin = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(bin % 10 ** digits).padStart(digits, "0");
}

/** The TOTP code for a base32 secret at a time (ms since the epoch). */
export function totpAt(secret: string, timeMs: number, opts: TotpOptions = {}): string {
  const step = opts.step ?? 30;
  return hotp(base32Decode(secret), BigInt(Math.floor(timeMs / 1000 / step)), opts.digits ?? 6, opts.algorithm);
}

/**
 * The time step (counter) whose code `code` is, at `timeMs` or within `window` steps either side
 * (clock drift), or null. Constant-time comparison per candidate. Callers that accept the code
 * MUST record the step and refuse it (and older ones) afterwards: see lib/auth/totp-use.ts.
 */
export function matchTotp(secret: string, code: string, timeMs = Date.now(), window = 1): bigint | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = Math.floor(timeMs / 1000 / 30);
  let step: bigint | null = null;
  for (let i = -window; i <= window; i++) {
    const expected = totpAt(secret, (now + i) * 30_000);
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(code))) step = BigInt(now + i);
  }
  return step;
}

/** True when `code` matches the secret at `timeMs` or within `window` steps either side. */
export function verifyTotp(secret: string, code: string, timeMs = Date.now(), window = 1): boolean {
  return matchTotp(secret, code, timeMs, window) !== null;
}

/** A fresh 160-bit secret, base32 (what RFC 4226 recommends and every app accepts). */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The otpauth:// URI authenticator apps import (as text or a QR code). */
export function otpauthUri(opts: { secret: string; account: string; issuer: string }): string {
  const label = encodeURIComponent(`${opts.issuer}:${opts.account}`);
  const q = new URLSearchParams({ secret: opts.secret, issuer: opts.issuer, algorithm: "SHA1", digits: "6", period: "30" });
  return `otpauth://totp/${label}?${q.toString()}`;
}
