// A signed-in browser session obtained through the real sign-in, exactly as the sign-in form's
// next-auth `signIn("credentials")` does it: GET /api/auth/csrf, then POST the credentials with the
// CSRF token and cookie to /api/auth/callback/credentials; the answer sets the session cookie.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Cookies from Set-Cookie headers merged into `jar` (name → value). */
function collect(jar: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair!.indexOf("=");
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}

const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in; resolves with the Cookie header value of the signed-in session. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrfRes.ok) throw new Error(`GET /api/auth/csrf answered ${csrfRes.status}`);
  collect(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const body = new URLSearchParams({ email, password, totp: "", csrfToken, callbackUrl: `${baseUrl}/dashboard`, json: "true" });
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(jar), "x-auth-return-redirect": "1" },
    body,
    redirect: "manual",
  });
  collect(jar, res);
  const text = await res.text();
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
    throw new Error(`sign-in as ${email} set no session cookie (HTTP ${res.status}: ${text.slice(0, 200)})`);
  }
  return header(jar);
}

const root = path.resolve(import.meta.dirname, "..", "..");

/** URL paths of pages whose file path (route groups removed) matches `re`, e.g. /hosts/[id]. */
export function findPages(re: RegExp): string[] {
  const out: string[] = [];
  const walk = (dir: string, url: string) => {
    for (const e of readdirSync(dir)) {
      const full = path.join(dir, e);
      if (statSync(full).isDirectory()) walk(full, /^\(.*\)$/.test(e) ? url : `${url}/${e}`);
      else if (/^page\.(tsx|ts|jsx|js)$/.test(e) && re.test(url || "/")) out.push(url || "/");
    }
  };
  walk(path.join(root, "app"), "");
  return out.sort((a, b) => a.length - b.length);
}
