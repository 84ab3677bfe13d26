// The TSIG resource record on the wire (RFC 8945 §4.2): appending one to a message and reading it
// back, with the message restored to its state before signing. MAC computation lives in tsig.ts.
import { encodeName, readName, walkMessage, WireFormatError } from "./wire-walk";

/** RFC 8945 TSIG error codes (carried in the TSIG RR, with rcode NOTAUTH). */
export const TSIG_ERRORS = { BADSIG: 16, BADKEY: 17, BADTIME: 18, BADTRUNC: 22 } as const;
export type TsigErrorCode = keyof typeof TSIG_ERRORS | "FORMERR" | "UNSIGNED";

/** A TSIG that is missing, malformed or wrong; `code` is the TSIG error a server would answer with. */
export class TsigError extends Error {
  constructor(
    readonly code: TsigErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "TsigError";
  }
}

export const TYPE_TSIG = 250;
export const CLASS_ANY = 255;

/** The parsed TSIG RR at the end of a message, with the message as it was before signing. */
export type TsigRecord = {
  keyName: string;
  algorithm: string;
  timeSigned: number;
  fudge: number;
  mac: Buffer;
  originalId: number;
  error: number;
  otherData: Buffer;
  /** The message without its TSIG RR, with the original ID and ARCOUNT restored. */
  unsigned: Buffer;
};

export function uint48(n: number): Buffer {
  const b = Buffer.alloc(6);
  b.writeUIntBE(n, 0, 6);
  return b;
}

export function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

/** The TSIG RDATA fields a signer fills in. */
export type TsigFields = { time: number; fudge: number; mac: Buffer; error: number; other: Buffer };

// Append a TSIG RR with these fields; bumps ARCOUNT.
export function appendTsig(message: Buffer, keyName: string, algorithm: string, f: TsigFields): Buffer {
  const rdata = Buffer.concat([
    encodeName(algorithm),
    uint48(f.time),
    u16(f.fudge),
    u16(f.mac.length),
    f.mac,
    message.subarray(0, 2),
    u16(f.error),
    u16(f.other.length),
    f.other,
  ]);
  const rr = Buffer.concat([encodeName(keyName), u16(TYPE_TSIG), u16(CLASS_ANY), Buffer.alloc(4), u16(rdata.length), rdata]);
  const out = Buffer.concat([message, rr]);
  out.writeUInt16BE(message.readUInt16BE(10) + 1, 10);
  return out;
}

// Find and parse the TSIG RR of a message; null when the message is unsigned.
export function readTsig(wire: Buffer): TsigRecord | null {
  let records;
  try {
    records = walkMessage(wire).records;
  } catch (err) {
    throw new TsigError("FORMERR", (err as WireFormatError).message);
  }
  const tsigs = records.filter((r) => r.type === TYPE_TSIG);
  if (tsigs.length === 0) return null;
  const rr = records[records.length - 1];
  if (tsigs.length > 1 || rr.type !== TYPE_TSIG || rr.section !== "additional" || rr.klass !== CLASS_ANY) {
    throw new TsigError("FORMERR", "TSIG must be the last additional record and appear once");
  }
  try {
    const alg = readName(wire, rr.rdataStart);
    let p = alg.end;
    const timeSigned = wire.readUIntBE(p, 6);
    const fudge = wire.readUInt16BE(p + 6);
    const macSize = wire.readUInt16BE(p + 8);
    const mac = Buffer.from(wire.subarray(p + 10, p + 10 + macSize));
    p += 10 + macSize;
    const originalId = wire.readUInt16BE(p);
    const error = wire.readUInt16BE(p + 2);
    const otherLen = wire.readUInt16BE(p + 4);
    const otherData = Buffer.from(wire.subarray(p + 6, p + 6 + otherLen));
    if (p + 6 + otherLen !== rr.rdataStart + rr.rdlength) throw new RangeError("TSIG RDATA length mismatch");
    const unsigned = Buffer.from(wire.subarray(0, rr.start));
    unsigned.writeUInt16BE(originalId, 0);
    unsigned.writeUInt16BE(wire.readUInt16BE(10) - 1, 10);
    return { keyName: rr.name, algorithm: alg.name, timeSigned, fudge, mac, originalId, error, otherData, unsigned };
  } catch (err) {
    throw new TsigError("FORMERR", `malformed TSIG record: ${(err as Error).message}`);
  }
}
