// TSIG (RFC 8945): sign and verify raw DNS messages with a shared HMAC key. Used by the RFC 2136
// provider for its queries, UPDATEs and AXFRs, and by servers that accept signed UPDATEs.
import { createHmac, timingSafeEqual } from "node:crypto";
import { appendTsig, CLASS_ANY, readTsig, TsigError, u16, uint48, type TsigRecord } from "./tsig-record";
import { encodeName } from "./wire-walk";

export { readTsig, TsigError, TSIG_ERRORS, type TsigErrorCode, type TsigRecord } from "./tsig-record";

export type TsigAlgorithm = "hmac-sha256" | "hmac-sha512" | "hmac-sha1";
/** A shared key. `name` is the key's domain name ("ddns-key"), `secret` is base64. */
export type TsigKey = { name: string; algorithm: TsigAlgorithm; secret: string };

const HASH: Record<TsigAlgorithm, string> = { "hmac-sha256": "sha256", "hmac-sha512": "sha512", "hmac-sha1": "sha1" };
export const DEFAULT_FUDGE = 300;

export type SignOptions = {
  /** The request's MAC when signing a response (or the previous MAC for a later message of a stream). */
  requestMac?: Buffer;
  /** Sign a later message of a TCP stream: only time signed and fudge enter the MAC (RFC 8945 §5.3.1). */
  timersOnly?: boolean;
  /** Seconds since the epoch; defaults to now. */
  now?: number;
  fudge?: number;
  /** TSIG error to report (e.g. BADTIME with `otherData` = server time). */
  error?: number;
  otherData?: Buffer;
};

function computeMac(key: TsigKey, message: Buffer, vars: Buffer, requestMac?: Buffer): Buffer {
  const hmac = createHmac(HASH[key.algorithm], Buffer.from(key.secret, "base64"));
  if (requestMac) hmac.update(Buffer.concat([u16(requestMac.length), requestMac]));
  return hmac.update(message).update(vars).digest();
}

function variables(key: TsigKey, time: number, fudge: number, error: number, other: Buffer, timersOnly: boolean): Buffer {
  const timers = Buffer.concat([uint48(time), u16(fudge)]);
  if (timersOnly) return timers;
  const head = Buffer.concat([encodeName(key.name), u16(CLASS_ANY), Buffer.alloc(4), encodeName(key.algorithm)]);
  return Buffer.concat([head, timers, u16(error), u16(other.length), other]);
}

// Append a TSIG RR to a message that has none; returns the signed message and its MAC.
export function signMessage(message: Buffer, key: TsigKey, opts: SignOptions = {}): { wire: Buffer; mac: Buffer } {
  const time = opts.now ?? Math.floor(Date.now() / 1000);
  const fudge = opts.fudge ?? DEFAULT_FUDGE;
  const error = opts.error ?? 0;
  const other = opts.otherData ?? Buffer.alloc(0);
  const mac = computeMac(key, message, variables(key, time, fudge, error, other, !!opts.timersOnly), opts.requestMac);
  return { wire: appendTsig(message, key.name, key.algorithm, { time, fudge, mac, error, other }), mac };
}

// Append an unsigned TSIG RR (empty MAC) reporting an error, e.g. BADKEY/BADSIG to a client.
export function appendTsigError(message: Buffer, keyName: string, algorithm: string, error: number): Buffer {
  const time = Math.floor(Date.now() / 1000);
  return appendTsig(message, keyName, algorithm, { time, fudge: DEFAULT_FUDGE, mac: Buffer.alloc(0), error, other: Buffer.alloc(0) });
}

export type VerifyOptions = { requestMac?: Buffer; timersOnly?: boolean; now?: number };

function sameName(a: string, b: string): boolean {
  return a.replace(/\.$/, "").toLowerCase() === b.replace(/\.$/, "").toLowerCase();
}

// Check a signed message against a key (or a keyring); throws TsigError, returns the parsed TSIG.
export function verifyMessage(wire: Buffer, keys: TsigKey | readonly TsigKey[], opts: VerifyOptions = {}): TsigRecord & { key: TsigKey } {
  const tsig = readTsig(wire);
  if (!tsig) throw new TsigError("UNSIGNED", "message carries no TSIG record");
  return checkTsig(tsig, keys, opts, Buffer.alloc(0));
}

function checkTsig(tsig: TsigRecord, keys: TsigKey | readonly TsigKey[], opts: VerifyOptions, prefix: Buffer): TsigRecord & { key: TsigKey } {
  const key = (Array.isArray(keys) ? keys : [keys]).find((k: TsigKey) => sameName(k.name, tsig.keyName));
  if (!key || !sameName(key.algorithm, tsig.algorithm)) {
    throw new TsigError("BADKEY", `unknown TSIG key ${tsig.keyName} (${tsig.algorithm})`);
  }
  const vars = variables(key, tsig.timeSigned, tsig.fudge, tsig.error, tsig.otherData, !!opts.timersOnly);
  const expected = computeMac(key, Buffer.concat([prefix, tsig.unsigned]), vars, opts.requestMac);
  const minSize = Math.max(10, expected.length / 2);
  if (tsig.mac.length === 0) throw new TsigError("BADSIG", "TSIG record carries no MAC");
  if (tsig.mac.length > expected.length || tsig.mac.length < minSize) {
    throw new TsigError(tsig.mac.length > expected.length ? "FORMERR" : "BADTRUNC", `bad MAC size ${tsig.mac.length}`);
  }
  if (!timingSafeEqual(tsig.mac, expected.subarray(0, tsig.mac.length))) {
    throw new TsigError("BADSIG", `TSIG MAC does not verify with key ${key.name}`);
  }
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - tsig.timeSigned) > tsig.fudge) {
    throw new TsigError("BADTIME", `TSIG time ${tsig.timeSigned} is outside ${now}±${tsig.fudge}`);
  }
  return { ...tsig, key };
}

/**
 * Verifies the messages of one TCP response stream (AXFR) in order, with the running MAC of
 * RFC 8945 §5.3.1: the first message MUST be signed, later ones may leave up to 99 unsigned in
 * between, and the last MUST be signed (call finish()).
 */
export class TsigStreamVerifier {
  private pending: Buffer[] = [];
  private lastMac: Buffer | null = null;

  constructor(
    private readonly key: TsigKey,
    private readonly requestMac: Buffer,
    private readonly now?: number,
  ) {}

  // Verify one message; returns it without its TSIG RR.
  next(wire: Buffer): Buffer {
    if (!this.lastMac) {
      const first = verifyMessage(wire, this.key, { requestMac: this.requestMac, now: this.now });
      this.lastMac = first.mac;
      return first.unsigned;
    }
    const tsig = readTsig(wire);
    if (!tsig) {
      if (this.pending.length >= 99) throw new TsigError("UNSIGNED", "more than 99 unsigned messages in a row");
      this.pending.push(wire);
      return wire;
    }
    const opts = { requestMac: this.lastMac, timersOnly: true, now: this.now };
    const checked = checkTsig(tsig, this.key, opts, Buffer.concat(this.pending));
    this.pending = [];
    this.lastMac = checked.mac;
    return checked.unsigned;
  }

  // Throw if the stream ended on unsigned messages.
  finish(): void {
    if (this.pending.length > 0) throw new TsigError("UNSIGNED", "stream ended with unsigned messages");
  }
}
