// THE fetch-with-timeout of the HTTP providers (PowerDNS's API, the embedded server's control
// API): one JSON request, failures mapped to typed DNS errors — unreachable, timeouts, 429 and 5xx
// are RetryableDnsError; 401/403 and every other status are FatalDnsError with the backend's text.
import { FatalDnsError, RetryableDnsError } from "../types";

export type JsonBackend = {
  /** "PowerDNS", "the embedded DNS server": how messages name the backend. */
  name: string;
  /** The shorter name in "<short> GET /path failed with 422: …". */
  short: string;
  baseUrl: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** The message of a 401/403 answer. */
  rejected(status: number, detail: string): string;
};

export type JsonResponse = { status: number; body: unknown };

/** Sends `method path` with an optional JSON body; 2xx and the statuses in `accept` resolve. */
export async function requestJson(b: JsonBackend, method: string, path: string, body?: unknown, accept: number[] = []): Promise<JsonResponse> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(b.baseUrl.replace(/\/$/, "") + path, {
      method,
      headers: { ...b.headers, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(b.timeoutMs),
    });
    text = await res.text();
  } catch (e) {
    const name = (e as Error).name;
    if (name === "TimeoutError" || name === "AbortError") {
      throw new RetryableDnsError(`${b.name} did not answer ${method} ${path} within ${b.timeoutMs} ms`, { cause: e });
    }
    const code = ((e as Error).cause as NodeJS.ErrnoException | undefined)?.code ?? (e as Error).message;
    throw new RetryableDnsError(`${b.name} at ${b.baseUrl} is unreachable (${code})`, { cause: e });
  }
  const parsed = parseJson(text);
  if (res.ok || accept.includes(res.status)) return { status: res.status, body: parsed };
  const detail = errorText(parsed, text, res.statusText);
  const message = `${b.short} ${method} ${path} failed with ${res.status}: ${detail}`;
  if (res.status >= 500 || res.status === 429) throw new RetryableDnsError(message);
  if (res.status === 401 || res.status === 403) throw new FatalDnsError(b.rejected(res.status, detail));
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
