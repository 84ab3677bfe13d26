// The machine router: every endpoint that routers, clients and scripts call, answered without
// Next.js in the way (STACK-NOTES: a Next route tops out near 900 req/s here). Protocol routes
// (/nic/update, /update, /checkip) and the REST API (/api/v1) are mounted here by their modules.
import { Hono } from "hono";
import { toAppError } from "@/lib/errors";
import { healthRoutes } from "@/lib/api/health";
import { createV1App } from "@/lib/api/v1/app";
import { updateRoutes } from "@/lib/updates/protocols/routes";

/** Paths this router answers; everything else goes to Next.js. */
export const MACHINE_PATH = /^\/(healthz|nic\/|nic$|update|checkip|api\/v1(\/|$)|v3\/update)/;

export function createMachineRouter(): Hono {
  const app = new Hono();
  app.route("/", healthRoutes());
  app.route("/api/v1", createV1App());
  app.route("/", updateRoutes());
  app.notFound((c) => c.text("not found\n", 404));
  app.onError((err, c) => {
    const e = toAppError(err);
    if (e.code === "INTERNAL") console.error(`[api] ${c.req.method} ${c.req.path}: ${e.internal}`);
    return c.json({ error: { code: e.code, message: e.message } }, e.status as 500);
  });
  return app;
}
