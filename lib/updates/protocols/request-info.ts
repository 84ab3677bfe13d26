// What the protocol handlers need from an HTTP request, independent of the router.
import type { Context } from "hono";
import { CLIENT_IP_HEADER, normalizeIp } from "@/lib/http/client-ip";

export type RequestInfo = {
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  userAgent: string | null;
  /** The client's address as computed by the server entry (TRUSTED_PROXIES-aware). */
  sourceIp: string;
  started: number;
};

const MAX_BODY = 16 * 1024;

/** Query string plus, for a form POST, the body's parameters (bounded). Never throws. */
export async function requestInfo(c: Context): Promise<RequestInfo> {
  const started = performance.now();
  const url = c.req.url;
  const qi = url.indexOf("?");
  const query = new URLSearchParams(qi >= 0 ? url.slice(qi + 1) : "");
  if (c.req.method === "POST" && (c.req.header("content-type") ?? "").includes("application/x-www-form-urlencoded")) {
    try {
      const body = await c.req.text();
      if (body.length <= MAX_BODY) for (const [k, v] of new URLSearchParams(body)) query.append(k, v);
    } catch {
      // an unreadable body adds nothing
    }
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const sourceIp = c.req.header(CLIENT_IP_HEADER) ?? normalizeIp(incoming?.socket?.remoteAddress ?? "0.0.0.0");
  const ua = c.req.header("user-agent");
  return {
    path: c.req.path,
    query,
    authorization: c.req.header("authorization"),
    userAgent: ua === undefined ? null : ua.slice(0, 500),
    sourceIp,
    started,
  };
}
