// The control channel: a small HTTP JSON API on loopback, bearer-key protected, through which the
// "embedded" provider adapter (and nothing else) feeds the server. PowerDNS-like REPLACE/DELETE.
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { RRset } from "../types";
import { StoreFailedError } from "./store";
import { EmbeddedDnsInputError, type RRsetChange } from "./types";
import { ownerName } from "./validate";

/** What the control API needs from the server. MUST apply each change list atomically. */
export type ControlBackend = {
  ensureZone(zone: string): Promise<{ serial: number; created: boolean }>;
  zoneInfo(zone: string): { zone: string; serial: number; soa: string; nameservers: string[] } | null;
  list(zone: string, names?: string[]): RRset[] | null;
  apply(zone: string, changes: RRsetChange[]): Promise<{ serial: number; changed: number }>;
};

const MAX_BODY = 16 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// Start the control API; resolves once listening.
export async function startControl(opts: { host: string; port: number; key: string; backend: ControlBackend }) {
  const expected = createHash("sha256").update(opts.key).digest();
  const server = http.createServer((req, res) => {
    handle(req, opts.backend, expected).then(
      ({ status, body }) => send(res, status, body),
      (e: unknown) => send(res, ...errorReply(e)),
    );
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host.includes(":") ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

async function handle(req: http.IncomingMessage, backend: ControlBackend, expected: Buffer) {
  const url = new URL(req.url ?? "/", "http://control");
  // GET /v1/health — liveness, no key needed
  if (url.pathname === "/v1/health" && req.method === "GET") return { status: 200, body: { status: "ok" } };
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
  if (!timingSafeEqual(createHash("sha256").update(given).digest(), expected)) throw new HttpError(401, "missing or wrong bearer key");
  const m = /^\/v1\/zones\/([^/]+)(\/rrsets)?$/.exec(url.pathname);
  const zone = m ? ownerName(decodeURIComponent(m[1]!)) : null;
  if (!m || !zone) throw new HttpError(404, "no such route");
  const method = `${req.method} ${m[2] ? "rrsets" : "zone"}`;
  switch (method) {
    // PUT /v1/zones/:zone — create the zone unless it exists (idempotent)
    case "PUT zone": {
      const r = await backend.ensureZone(zone);
      return { status: r.created ? 201 : 200, body: { zone, serial: r.serial } };
    }
    // GET /v1/zones/:zone — serial, SOA and apex NS
    case "GET zone":
      return { status: 200, body: backend.zoneInfo(zone) ?? notFound(zone) };
    // GET /v1/zones/:zone/rrsets?name=… — the zone's rrsets except SOA and apex NS
    case "GET rrsets": {
      const names = url.searchParams.getAll("name");
      return { status: 200, body: { rrsets: backend.list(zone, names.length ? names : undefined) ?? notFound(zone) } };
    }
    // PATCH /v1/zones/:zone/rrsets {rrsets: [{name, type, changetype, ttl, records}]} — all or nothing
    case "PATCH rrsets": {
      const body = (await readJson(req)) as { rrsets?: RRsetChange[] } | null;
      if (!body || !Array.isArray(body.rrsets)) throw new HttpError(400, "expected {\"rrsets\": [...]}");
      return { status: 200, body: await backend.apply(zone, body.rrsets) };
    }
  }
  throw new HttpError(405, `${req.method} not allowed here`);
}

function notFound(zone: string): never {
  throw new HttpError(404, `zone ${zone} does not exist`);
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new HttpError(413, "request body too large");
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "the body is not valid JSON");
  }
}

function errorReply(e: unknown): [number, { error: string }] {
  if (e instanceof HttpError) return [e.status, { error: e.message }];
  if (e instanceof EmbeddedDnsInputError) return [e.status, { error: e.message }];
  if (e instanceof StoreFailedError) return [503, { error: "the store cannot write; restart the DNS server" }];
  console.error("embedded dns control error:", e);
  return [500, { error: "internal error" }];
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
