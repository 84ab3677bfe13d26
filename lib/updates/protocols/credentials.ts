// The credential an update request presents: HTTP Basic (user + password or key), a bearer/token
// header carrying a key, or — tolerated for legacy clients — `username`/`password` in the query.
export type Credentials = { username: string; password: string; source: "basic" | "token" | "query" };

/** Extracts credentials; null when the request carries none at all. Never throws. */
export function parseCredentials(authorization: string | undefined, q: URLSearchParams): Credentials | null {
  const auth = (authorization ?? "").trim();
  const space = auth.indexOf(" ");
  const scheme = space > 0 ? auth.slice(0, space).toLowerCase() : "";
  const value = space > 0 ? auth.slice(space + 1).trim() : "";
  if (scheme === "basic" && value.length <= 4096) {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon >= 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1), source: "basic" };
    if (decoded) return { username: decoded, password: "", source: "basic" };
  }
  if ((scheme === "bearer" || scheme === "token") && value) return { username: "", password: value.slice(0, 4096), source: "token" };
  const password = q.get("password") ?? q.get("pass") ?? q.get("token");
  if (password) return { username: q.get("username") ?? q.get("user") ?? "", password, source: "query" };
  return null;
}
