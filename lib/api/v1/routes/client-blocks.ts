// /api/v1/client-blocks — the caller's client blocks (nochg storms) and lifting one.
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { db } from "@/lib/db";
import { liftClientBlock } from "@/lib/updates/policy/lift-client-block";
import { listClientBlocks } from "@/lib/updates/policy/list-client-blocks";
import { scoped } from "../auth";
import type { V1Env } from "../context";
import { apiActor } from "../actor";
import { ClientBlockListSchema, ClientBlockParams } from "../schemas/client-blocks";
import { errors } from "../schemas/common";

type BlockRow = Awaited<ReturnType<typeof listClientBlocks>>[number];

const blockJson = (b: BlockRow) => ({
  id: b.id, keyId: b.keyId, credential: b.credential, reason: b.reason, nochgCount: b.nochgCount, sourceIp: b.sourceIp,
  userAgent: b.userAgent, createdAt: b.createdAt.toISOString(), expiresAt: b.expiresAt.toISOString(),
  liftedAt: b.liftedAt?.toISOString() ?? null, active: b.active,
});

const listBlocks = createRoute({
  method: "get", path: "/client-blocks", tags: ["client blocks"], summary: "List the account's client blocks (updates refused after a storm of nochg)",
  ...scoped("keys:read"),
  responses: {
    200: { description: "The latest 100 blocks, newest first, lifted and expired ones included", content: { "application/json": { schema: ClientBlockListSchema } } },
    ...errors(401, 403, 429),
  },
});

const liftBlock = createRoute({
  method: "post", path: "/client-blocks/{blockId}/lift", tags: ["client blocks"], summary: "Lift a client block now (idempotent)",
  ...scoped("keys:write"),
  request: { params: ClientBlockParams },
  responses: { 204: { description: "Lifted, or already lifted" }, ...errors(401, 403, 404, 429) },
});

export function clientBlockRoutes(app: OpenAPIHono<V1Env>): void {
  // GET /client-blocks — list
  app.openapi(listBlocks, async (c) => {
    const rows = await listClientBlocks(db(), { userId: c.get("principal").userId });
    return c.json({ items: rows.map(blockJson) }, 200);
  });

  // POST /client-blocks/{blockId}/lift — lift (audited as client_block.lift)
  app.openapi(liftBlock, async (c) => {
    const userId = c.get("principal").userId;
    await liftClientBlock(db(), { id: c.req.valid("param").blockId, userId, ip: apiActor(userId, c.req).ip });
    return c.body(null, 204);
  });
}
