// One request to the embedded server's control API, failures mapped to typed DNS errors:
// unreachable, timeouts, 429 and 5xx → RetryableDnsError; 401/403, 400, 404 and the rest → FatalDnsError.
import { FatalDnsError, RetryableDnsError } from "../types";

export type ControlHttp = { url: string; key: string; timeoutMs: number };

// Send `method path` with an optional JSON body; resolves with the parsed JSON answer (or null).
export async function controlRequest(http: ControlHttp, method: string, path: string, body?: unknown): Promise<unknown> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(http.url + path, {
      method,
      headers: { Authorization: `Bearer ${http.key}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(http.timeoutMs),
    });
    text = await res.text();
  } catch (e) {
    const name = (e as Error).name;
    if (name === "TimeoutError" || name === "AbortError") {
      throw new RetryableDnsError(`the embedded DNS server did not answer ${method} ${path} within ${http.timeoutMs} ms`, { cause: e });
    }
    const code = ((e as Error).cause as NodeJS.ErrnoException | undefined)?.code ?? (e as Error).message;
    throw new RetryableDnsError(`the embedded DNS server at ${http.url} is unreachable (${code})`, { cause: e });
  }
  let parsed: unknown = null;
  try {
    parsed = text === "" ? null : JSON.parse(text);
  } catch {
    parsed = null;
  }
  if (res.ok) return parsed;
  const detail = (parsed as { error?: unknown } | null)?.error;
  const message = `embedded DNS ${method} ${path} failed with ${res.status}: ${typeof detail === "string" ? detail : text.slice(0, 300) || res.statusText}`;
  if (res.status >= 500 || res.status === 429) throw new RetryableDnsError(message);
  if (res.status === 401 || res.status === 403) throw new FatalDnsError(`the embedded DNS server rejected the control key (${res.status})`);
  throw new FatalDnsError(message);
}
