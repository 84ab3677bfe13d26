// The web process: ONE Node HTTP server on PORT. Machine endpoints (MACHINE_PATH) go to the lean
// Hono router; pages, server actions and next-auth go to Next.js's request handler. The client
// address (TRUSTED_PROXIES-aware) is computed here once and handed to both in CLIENT_IP_HEADER.
import http from "node:http";
import path from "node:path";
import { getRequestListener } from "@hono/node-server";
import next from "next";
import { createMachineRouter, MACHINE_PATH } from "@/lib/api/router";
import { listenInvalidations } from "@/lib/cache/listen-invalidations";
import { drainUpdateEvents } from "@/lib/updates/events/update-events";
import { env } from "@/lib/env";
import { CLIENT_IP_HEADER, clientIp, trustList } from "@/lib/http/client-ip";
import { EXIT_PORT_IN_USE } from "@/lib/server/exit-codes";


const root = path.resolve(import.meta.dirname, "..", "..");

function first(h: string | string[] | undefined): string | undefined {
  return Array.isArray(h) ? h[0] : h;
}

async function main() {
  const e = env();
  const dev = e.NODE_ENV !== "production";
  const trusted = trustList(e.TRUSTED_PROXIES);
  // Credential caches forget a revoke or password change made in any process (CLI, other nodes) at once.
  const invalidations = e.DATABASE_URL ? listenInvalidations(e.DATABASE_URL, (l) => console.error(`[web] ${l}`)) : null;
  // hostname: old routers send HTTP/1.0 without a Host header, which would otherwise be a 400.
  const machine = getRequestListener(createMachineRouter().fetch, { overrideGlobalObjects: false, hostname: "localhost" });
  // WEB_PAGES=off: a machine-endpoints-only node (dedicated update servers; protocol tests).
  let handle: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> = async (_req, res) => {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  };
  if (e.WEB_PAGES === "on") {
    const app = next({ dev, dir: root, hostname: e.HOST, port: e.PORT });
    await app.prepare();
    handle = app.getRequestHandler();
  }

  const server = http.createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = clientIp(
      req.socket.remoteAddress,
      { xForwardedFor: first(req.headers["x-forwarded-for"]), xRealIp: first(req.headers["x-real-ip"]) },
      trusted,
    );
    const url = req.url ?? "/";
    if (MACHINE_PATH.test(url)) {
      void machine(req, res);
      return;
    }
    handle(req, res).catch((err: unknown) => {
      console.error("[web] next handler:", err);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("internal error\n");
    });
  });
  server.keepAliveTimeout = 65_000;
  server.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EADDRINUSE") {
      console.error(`port ${e.PORT} on ${e.HOST} is already in use: stop what uses it or set PORT.`);
      process.exit(EXIT_PORT_IN_USE);
    }
    throw err;
  });
  server.listen(e.PORT, e.HOST, () => console.log(`web ready http://${e.HOST}:${e.PORT} (${dev ? "development" : "production"})`));

  // Stop accepting, then write the UpdateEvents still queued before exiting.
  const stop = () => {
    const exit = () => Promise.all([drainUpdateEvents(), invalidations?.close()]).finally(() => process.exit(0));
    server.close(() => void exit());
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 8000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err) => {
  console.error("[web] failed to start:", err);
  process.exit(1);
});
