// Request parameters as they may be stored and logged: secrets replaced, values bounded.
const SECRET_PARAMS = new Set(["password", "pass", "pwd", "token", "key", "secret", "apikey", "api_key", "passwd"]);
const MAX_VALUE = 200;
const MAX_PARAMS = 30;

export const REDACTED = "[redacted]";

/** The parameters with secrets replaced by "[redacted]" and long values cut, for UpdateEvent.params. */
export function redactParams(q: URLSearchParams, extraSecrets: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (const [name, value] of q) {
    if (n++ >= MAX_PARAMS) {
      out["…"] = "more parameters omitted";
      break;
    }
    const key = name.slice(0, 40);
    let v = SECRET_PARAMS.has(name.toLowerCase()) ? REDACTED : value;
    for (const s of extraSecrets) if (s.length >= 8 && v.includes(s)) v = v.split(s).join(REDACTED);
    v = v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE)}…` : v;
    out[key] = key in out ? `${out[key]},${v}` : v;
  }
  return out;
}

/** A path such as /update/<name>/<token>/<ip> with the token segment replaced. */
export function redactPath(path: string, secret: string | undefined): string {
  const p = path.length > 300 ? `${path.slice(0, 300)}…` : path;
  return secret ? p.split(secret).join(REDACTED) : p;
}
