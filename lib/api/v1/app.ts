// The REST API v1 (mounted at /api/v1 by lib/api/router.ts): JSON over Hono + zod-openapi, bearer
// tokens with scopes, per-token rate limits, one error shape, OpenAPI 3.1 at /openapi.json and a
// plain HTML reference at /docs, both generated from the same zod schemas the routes validate with.
import { OpenAPIHono } from "@hono/zod-openapi";
import { AppError } from "@/lib/errors";
import { bearerAuth } from "./auth";
import type { V1Env } from "./context";
import { docsRoutes } from "./docs";
import { errorResponse, validationError } from "./errors";
import { accountRoutes } from "./routes/account";
import { clientBlockRoutes } from "./routes/client-blocks";
import { historyRoutes } from "./routes/history";
import { hostRoutes } from "./routes/hosts";
import { keyRoutes } from "./routes/keys";
import { recordRoutes } from "./routes/records";

const PUBLIC = new Set(["/api/v1/openapi.json", "/api/v1/docs", "/openapi.json", "/docs"]);

/** A new v1 app; its paths are relative to where it is mounted. */
export function createV1App(): OpenAPIHono<V1Env> {
  const app = new OpenAPIHono<V1Env>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: 'An API token ("dht_…") created in the dashboard or with `npm run cli -- token:create`.',
  });
  app.use("*", async (c, next) => {
    if (PUBLIC.has(c.req.path)) return next();
    return bearerAuth(c, next);
  });
  hostRoutes(app);
  recordRoutes(app);
  keyRoutes(app);
  historyRoutes(app);
  accountRoutes(app);
  clientBlockRoutes(app);
  docsRoutes(app);
  app.all("*", () => {
    throw new AppError("NOT_FOUND", "No such API endpoint.");
  });
  app.onError((err, c) => errorResponse(c, err));
  return app;
}
