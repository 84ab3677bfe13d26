// The update-protocol routes, mounted on the machine router (lib/api/router.ts) with
// `app.route("/", updateRoutes())`. Never redirects; every answer carries Content-Length.
import { Hono } from "hono";
import { handleCheckip } from "./checkip";
import { handleDuckDns } from "./duckdns";
import { handleDyndns2 } from "./dyndns2";
import { requestInfo } from "./request-info";

export function updateRoutes(): Hono {
  const app = new Hono();
  // GET|POST /nic/update, /v3/update — dyndns2 (Dyn, No-IP, ddclient, inadyn, routers)
  app.on(["GET", "POST"], ["/nic/update", "/nic/update/", "/v3/update", "/v3/update/"], async (c) => handleDyndns2(await requestInfo(c)));
  // GET /update?domains=…&token=… — DuckDNS (POST accepted too)
  app.on(["GET", "POST"], "/update", async (c) => handleDuckDns(await requestInfo(c)));
  // GET /update/<name>/<token>[/<ip>] — DuckDNS path form
  app.on(["GET", "POST"], "/update/:name/:token/:ip?", async (c) =>
    handleDuckDns(await requestInfo(c), { name: c.req.param("name"), token: c.req.param("token"), ip: c.req.param("ip") }),
  );
  // GET /checkip — Dyn checkip (HTML), ?format=text|json
  app.on(["GET", "POST"], "/checkip", async (c) => handleCheckip(await requestInfo(c)));
  return app;
}
