// One request to the PowerDNS Authoritative HTTP API, with failures mapped to typed DNS errors.
import { FatalDnsError, RetryableDnsError } from "../types";

export type PdnsHttp = {
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
};

export type PdnsResponse = { status: number; body: unknown };

// Send `method path` with an optional JSON body. Returns the status and parsed JSON (or null) for
// 2xx and for the statuses in `accept`; throws RetryableDnsError for unreachable, timeouts, 429
// and 5xx, FatalDnsError (with PowerDNS's own error text) for every other status.
export async function pdnsRequest(http: PdnsHttp, method: string, path: string, body?: unknown, accept: number[] = []): Promise<PdnsResponse> {
  const url = http.apiUrl.replace(/\/$/, "") + path;
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method,
      headers: { "X-API-Key": http.apiKey, Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(http.timeoutMs),
    });
    text = await res.text();
  } catch (e) {
    const name = (e as Error).name;
    if (name === "TimeoutError" || name === "AbortError") {
      throw new RetryableDnsError(`PowerDNS did not answer ${method} ${path} within ${http.timeoutMs} ms`, { cause: e });
    }
    const code = ((e as Error).cause as NodeJS.ErrnoException | undefined)?.code ?? (e as Error).message;
    throw new RetryableDnsError(`PowerDNS at ${http.apiUrl} is unreachable (${code})`, { cause: e });
  }
  const parsed = parseJson(text);
  if (res.ok || accept.includes(res.status)) return { status: res.status, body: parsed };
  const detail = errorText(parsed, text, res.statusText);
  const message = `PowerDNS ${method} ${path} failed with ${res.status}: ${detail}`;
  if (res.status >= 500 || res.status === 429) throw new RetryableDnsError(message);
  if (res.status === 401 || res.status === 403) throw new FatalDnsError(`PowerDNS rejected the API key (${res.status} ${detail})`);
  throw new FatalDnsError(message);
}

function parseJson(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function errorText(parsed: unknown, text: string, statusText: string): string {
  const error = (parsed as { error?: unknown } | null)?.error;
  if (typeof error === "string") return error;
  return text.trim().slice(0, 300) || statusText;
}
