// One request to the embedded server's control API (lib/dns/providers/http-json.ts maps failures
// to typed DNS errors).
import { requestJson } from "../providers/http-json";

export type ControlHttp = { url: string; key: string; timeoutMs: number };

/** Sends `method path` with an optional JSON body; resolves with the parsed JSON answer (or null). */
export async function controlRequest(http: ControlHttp, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await requestJson(
    {
      name: "the embedded DNS server",
      short: "embedded DNS",
      baseUrl: http.url,
      headers: { Authorization: `Bearer ${http.key}` },
      timeoutMs: http.timeoutMs,
      rejected: (status) => `the embedded DNS server rejected the control key (${status})`,
    },
    method,
    path,
    body,
  );
  return res.body;
}
