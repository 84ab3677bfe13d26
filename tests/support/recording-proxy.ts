// A loopback HTTP proxy that records every request it forwards (to assert exact backend traffic)
// and can inject failures: hang without answering, or answer with a chosen status.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type RecordedRequest = {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  /** rawBody parsed as JSON, or null. */
  body: unknown;
  /** The status the client received. */
  status: number;
};

export type RecordingProxy = {
  url: string;
  requests: RecordedRequest[];
  /** When true, requests are held open and never answered. */
  hang: boolean;
  /** When set, requests are answered with this status instead of being forwarded. */
  failWith: number | undefined;
  close(): Promise<void>;
};

// Start a proxy on a free 127.0.0.1 port in front of `target` (an http://127.0.0.1… base URL).
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  if (!/^http:\/\/(127\.0\.0\.1|\[::1\]|localhost)(:\d+)?/.test(target)) throw new Error(`proxy only forwards to loopback, not ${target}`);
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString("utf8");
    const record: RecordedRequest = { method: req.method!, url: req.url!, headers: req.headers, rawBody, body: parse(rawBody), status: 0 };
    proxy.requests.push(record);
    if (proxy.hang) return;
    if (proxy.failWith !== undefined) {
      record.status = proxy.failWith;
      res.writeHead(proxy.failWith, { "Content-Type": "application/json" }).end(JSON.stringify({ error: "injected by the recording proxy" }));
      return;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !["host", "connection", "content-length"].includes(k))) as Record<string, string>;
    const upstream = await fetch(target.replace(/\/$/, "") + req.url, { method: req.method, headers, body: rawBody === "" ? undefined : rawBody });
    const text = await upstream.text();
    record.status = upstream.status;
    res.writeHead(upstream.status, { "Content-Type": upstream.headers.get("content-type") ?? "text/plain" }).end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const proxy: RecordingProxy = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: [],
    hang: false,
    failWith: undefined,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}

function parse(text: string): unknown {
  try {
    return text === "" ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
