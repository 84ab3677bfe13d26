// Opaque keyset cursors: the sort key of the last item of a page, base64url-encoded JSON. A
// cursor that does not decode is a VALIDATION error on field "cursor", never a server error.
import { AppError } from "@/lib/errors";

/** Encodes the sort key of the last row a page returned. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** Decodes a cursor made by encodeCursor; `shape` names the expected types, in order. */
export function decodeCursor<T extends readonly ("string" | "number")[]>(
  cursor: string,
  shape: T,
): { [K in keyof T]: T[K] extends "number" ? number : string } {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    key = undefined;
  }
  const ok = Array.isArray(key) && key.length === shape.length && key.every((v, i) => typeof v === shape[i]);
  if (!ok) throw invalidCursor();
  return key as never;
}

/** The error for a cursor that was not made by us. */
export function invalidCursor(): AppError {
  return new AppError("VALIDATION", "This cursor is not valid: pass back the nextCursor of a previous page.", { field: "cursor" });
}
