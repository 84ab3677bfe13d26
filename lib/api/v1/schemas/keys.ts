// OpenAPI schemas of update keys (the secrets routers use with /nic/update and /update).
import { z } from "@hono/zod-openapi";

const RECORD_TYPES = ["A", "AAAA", "TXT", "MX"] as const;

export const UpdateKeySchema = z
  .object({
    id: z.string(),
    label: z.string(),
    prefix: z.string().openapi({ example: "dhk_Xy3kQ9aB" }),
    hostId: z.string().nullable(),
    recordTypes: z.array(z.string()),
    allowedCidrs: z.array(z.string()),
    expiresAt: z.string().nullable().openapi({ format: "date-time" }),
    lastUsedAt: z.string().nullable().openapi({ format: "date-time" }),
    lastUsedIp: z.string().nullable(),
    revokedAt: z.string().nullable().openapi({ format: "date-time" }),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("UpdateKey");

export const UpdateKeyListSchema = z.object({ items: z.array(UpdateKeySchema) }).openapi("UpdateKeyList");

export const CreateKeyBody = z
  .object({
    label: z.string().trim().max(100, "Use at most 100 characters").optional(),
    recordTypes: z
      .array(z.enum(RECORD_TYPES, { error: "recordTypes may hold A, AAAA, TXT and MX" }))
      .min(1, "Choose at least one record type")
      .optional()
      .openapi({ example: ["A", "AAAA"] }),
    allowedCidrs: z.array(z.string().max(50)).max(20, "At most 20 networks").optional().openapi({ example: ["198.51.100.0/24"] }),
    expiresAt: z.iso.datetime({ error: "expiresAt must be an ISO 8601 date-time" }).optional(),
  })
  .strict()
  .openapi("CreateUpdateKey");

export const CreatedKeySchema = UpdateKeySchema.extend({
  secret: z.string().openapi({ description: "The key itself. Shown once: it is stored only as a hash." }),
}).openapi("CreatedUpdateKey");
