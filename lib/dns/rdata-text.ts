// RFC 1035 §5.1 character-strings in presentation format: quoting, escaping (\X and \DDD) and
// parsing. Shared by TXT and CAA in lib/dns/rdata.ts.

export const MAX_STRING_BYTES = 255;

/** Why a quoted text could not be parsed; rdata.ts turns it into an RdataError. */
export class TextSyntaxError extends Error {}

// Quote bytes as BIND and PowerDNS print them: printable ASCII as is, `"` and `\` escaped,
// everything else (control characters, non-ASCII bytes) as \DDD.
export function quoteBytes(bytes: Uint8Array): string {
  let out = '"';
  for (const b of bytes) {
    if (b === 0x22 || b === 0x5c) out += "\\" + String.fromCharCode(b);
    else if (b >= 0x20 && b <= 0x7e) out += String.fromCharCode(b);
    else out += "\\" + String(b).padStart(3, "0");
  }
  return out + '"';
}

// Parse whitespace-separated double-quoted strings (`"a" "b\"c" "\195\169"`) into their bytes.
export function parseQuotedStrings(input: string): Buffer[] {
  const out: Buffer[] = [];
  let i = 0;
  while (i < input.length) {
    if (/\s/.test(input[i]!)) {
      i++;
      continue;
    }
    if (input[i] !== '"') {
      throw new TextSyntaxError(
        "text outside double quotes; quote every string or give the whole value without quotes",
      );
    }
    const [bytes, next] = parseOneQuoted(input, i);
    out.push(bytes);
    i = next;
    if (i < input.length && !/\s/.test(input[i]!)) {
      throw new TextSyntaxError("quoted strings must be separated by a space");
    }
  }
  if (out.length === 0) throw new TextSyntaxError("the value is empty");
  return out;
}

// Parse one quoted string starting at input[start] === '"'; returns its bytes and the index after
// the closing quote.
export function parseOneQuoted(input: string, start: number): [Buffer, number] {
  const bytes: number[] = [];
  let i = start + 1;
  while (i < input.length) {
    const ch = input[i]!;
    if (ch === '"') return [Buffer.from(bytes), i + 1];
    if (ch === "\\") {
      const digits = /^\d{3}/.exec(input.slice(i + 1, i + 4));
      if (digits) {
        const value = Number(digits[0]);
        if (value > 255) throw new TextSyntaxError(`escape \\${digits[0]} is above 255`);
        bytes.push(value);
        i += 4;
        continue;
      }
      if (i + 1 >= input.length) break;
      i++;
    }
    const cp = input.codePointAt(i)!;
    bytes.push(...Buffer.from(String.fromCodePoint(cp), "utf8"));
    i += cp > 0xffff ? 2 : 1;
  }
  throw new TextSyntaxError("a double quote is not closed");
}

// Split raw bytes into character-strings of at most 255 bytes (an empty value gives one empty string).
export function chunkBytes(bytes: Buffer): Buffer[] {
  if (bytes.length === 0) return [Buffer.alloc(0)];
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += MAX_STRING_BYTES) {
    chunks.push(bytes.subarray(i, i + MAX_STRING_BYTES));
  }
  return chunks;
}
