// GET /checkip — the caller's address (TRUSTED_PROXIES-aware, computed by the server entry) in
// exactly the format of Dyn's checkip, which routers and clients parse; ?format=text|json too.
import type { Answer } from "@/lib/updates/protocols/codes";
import type { RequestInfo } from "@/lib/updates/protocols/request-info";

/** The Dyn checkip page for `ip`. */
export function checkipHtml(ip: string): string {
  return `<html><head><title>Current IP Check</title></head><body>Current IP Address: ${ip}</body></html>`;
}

/** Answers /checkip. */
export function handleCheckip(info: RequestInfo): Answer {
  const format = (info.query.get("format") ?? "").toLowerCase();
  const ip = info.sourceIp;
  const [body, type] =
    format === "json" ? [JSON.stringify({ ip }), "application/json"]
    : format === "text" ? [`${ip}\n`, "text/plain; charset=utf-8"]
    : [checkipHtml(ip), "text/html; charset=utf-8"];
  return { status: 200, body, headers: { "content-type": type, "cache-control": "no-store" } };
}
