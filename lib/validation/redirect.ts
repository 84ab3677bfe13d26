// Where to go after signing in: only a path on this site (no open redirect). Client-safe.

/** `next` when it is a local path ("/dashboard?x=1"), else `fallback`. */
export function safeNextPath(next: unknown, fallback = "/dashboard"): string {
  if (typeof next !== "string" || next.length > 512) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || /[\u0000-\u001f\\]/.test(next)) return fallback;
  return next;
}
