// GET /api/v1/openapi.json — the OpenAPI 3.1 document; GET /api/v1/docs — the same document as a
// plain, self-contained HTML reference (no scripts, no external assets: machines may be offline).
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { V1Env } from "./context";
import { OPENAPI_CONFIG } from "./openapi-config";
import { renderDocsPage, type OpenApiDoc } from "./docs-page";

export function docsRoutes(app: OpenAPIHono<V1Env>): void {
  let html: string | undefined;
  app.doc31("/openapi.json", OPENAPI_CONFIG);
  // GET /docs — HTML reference rendered from the OpenAPI document
  app.get("/docs", (c) => {
    html ??= renderDocsPage(app.getOpenAPI31Document(OPENAPI_CONFIG) as unknown as OpenApiDoc);
    return c.html(html);
  });
}
