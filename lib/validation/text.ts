// Client-safe text checks shared by the input schemas: characters that must never reach a stored
// name or address (control characters, bidi overrides, zero-width characters).

// C0/C1 controls (incl. NUL), bidi embeddings/overrides/isolates and marks, zero-width characters,
// the BOM, and unpaired surrogates.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when `s` contains a control, bidi or invisible formatting character. */
export function hasForbiddenChars(s: string): boolean {
  return FORBIDDEN.test(s);
}

/** True when `s` holds a C0/C1 control character (passwords may hold any other text). */
export function hasControlChars(s: string): boolean {
  return /[\u0000-\u001f\u007f-\u009f]/.test(s);
}
