// One request to the PowerDNS Authoritative HTTP API (http-json.ts maps failures to typed errors).
import { requestJson, type JsonResponse } from "./http-json";

export type PdnsHttp = {
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
};

export type PdnsResponse = JsonResponse;

/** Sends `method path` with an optional JSON body; 2xx and the statuses in `accept` resolve. */
export async function pdnsRequest(http: PdnsHttp, method: string, path: string, body?: unknown, accept: number[] = []): Promise<PdnsResponse> {
  return requestJson(
    {
      name: "PowerDNS",
      short: "PowerDNS",
      baseUrl: http.apiUrl,
      headers: { "X-API-Key": http.apiKey, Accept: "application/json" },
      timeoutMs: http.timeoutMs,
      rejected: (status, detail) => `PowerDNS rejected the API key (${status} ${detail})`,
    },
    method,
    path,
    body,
    accept,
  );
}
