// The update-protocol routes, mounted on the machine router (lib/api/router.ts) with
// `app.route("/", updateRoutes())`. Never redirects; every answer carries Content-Length.
import type { ServerResponse } from "node:http";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import { Hono, type Context } from "hono";
import { handleCheckip } from "@/lib/updates/protocols/checkip";
import type { Answer } from "@/lib/updates/protocols/codes";
import { handleDuckDns } from "@/lib/updates/protocols/duckdns";
import { handleDyndns2 } from "@/lib/updates/protocols/dyndns2";
import { startUpdateEvents } from "@/lib/updates/events/update-events";
import { requestInfo } from "@/lib/updates/protocols/request-info";

// Under the Node server the answer is written straight to the socket in one write (measured: the
// Fetch Response path with its body stream costs ~10% of a nochg update); elsewhere (tests calling
// app.request) it becomes a Response.
function send(c: Context, a: Answer): Response {
  const headers = { ...a.headers, "content-length": String(Buffer.byteLength(a.body)) };
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (outgoing && typeof outgoing.writeHead === "function" && !outgoing.headersSent) {
    outgoing.writeHead(a.status, headers);
    outgoing.end(c.req.method === "HEAD" ? undefined : a.body);
    return RESPONSE_ALREADY_SENT;
  }
  return new Response(c.req.method === "HEAD" ? null : a.body, { status: a.status, headers });
}

export function updateRoutes(): Hono {
  startUpdateEvents();
  const app = new Hono();
  // GET|POST /nic/update, /v3/update — dyndns2 (Dyn, No-IP, ddclient, inadyn, routers)
  app.on(["GET", "POST"], ["/nic/update", "/nic/update/", "/v3/update", "/v3/update/"], async (c) => send(c, await handleDyndns2(await requestInfo(c))));
  // GET /update?domains=…&token=… — DuckDNS (POST accepted too)
  app.on(["GET", "POST"], "/update", async (c) => send(c, await handleDuckDns(await requestInfo(c))));
  // GET /update/<name>/<token>[/<ip>] — DuckDNS path form
  app.on(["GET", "POST"], "/update/:name/:token/:ip?", async (c) =>
    send(c, await handleDuckDns(await requestInfo(c), { name: c.req.param("name"), token: c.req.param("token"), ip: c.req.param("ip") })),
  );
  // GET /checkip — Dyn checkip (HTML), ?format=text|json
  app.on(["GET", "POST"], "/checkip", async (c) => send(c, handleCheckip(await requestInfo(c))));
  return app;
}
