// OpenAPI schemas of client blocks: an update credential blocked for a storm of updates that changed nothing.
import { z } from "@hono/zod-openapi";

export const ClientBlockSchema = z
  .object({
    id: z.string(),
    keyId: z.string().nullable().openapi({ description: "The update key blocked; null when it is the account password" }),
    credential: z.string().openapi({ description: '"key:<keyId>" or "user:<userId>" (the account password)', example: "key:3f1c2a9e-8b8e-4a43-9a2b-6f0d4c1e2b7a" }),
    reason: z.string(),
    nochgCount: z.number().int().openapi({ description: "Updates that changed nothing before the block" }),
    sourceIp: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: z.string().openapi({ format: "date-time" }),
    expiresAt: z.string().openapi({ format: "date-time" }),
    liftedAt: z.string().nullable().openapi({ format: "date-time" }),
    active: z.boolean().openapi({ description: "Still refusing updates: neither lifted nor expired" }),
  })
  .openapi("ClientBlock");

export const ClientBlockListSchema = z.object({ items: z.array(ClientBlockSchema) }).openapi("ClientBlockList");

// Any string: a malformed id is a 404 like someone else's block, not a validation error.
export const ClientBlockParams = z.object({
  blockId: z.string().openapi({ param: { name: "blockId", in: "path" }, example: "3f1c2a9e-8b8e-4a43-9a2b-6f0d4c1e2b7a" }),
});
