// OpenAPI schemas of a host's update history.
import { z } from "@hono/zod-openapi";
import { NextCursor } from "./common";

export const UpdateEventSchema = z
  .object({
    id: z.string(),
    at: z.string().openapi({ format: "date-time" }),
    protocol: z.string().openapi({ example: "dyndns2" }),
    sourceIp: z.string().openapi({ example: "198.51.100.7" }),
    userAgent: z.string().nullable(),
    params: z.record(z.string(), z.unknown()).openapi({ description: "Request parameters, secrets redacted" }),
    result: z.string().openapi({ example: "nochg" }),
    reason: z.string().nullable().openapi({ example: "unchanged" }),
    latencyMs: z.number().int(),
    changes: z
      .array(z.object({ type: z.enum(["A", "AAAA"]), before: z.array(z.string()), after: z.array(z.string()) }))
      .nullable()
      .openapi({ description: 'What a "good" update changed at the host; null for other results' }),
  })
  .openapi("UpdateEvent");

export const HistoryPageSchema = z.object({ items: z.array(UpdateEventSchema), nextCursor: NextCursor }).openapi("UpdateEventPage");

export const IpChangesQuery = z.object({
  since: z.iso.datetime({ error: "since must be an ISO 8601 date-time" }).optional().openapi({ param: { name: "since", in: "query" } }),
  until: z.iso.datetime({ error: "until must be an ISO 8601 date-time" }).optional().openapi({ param: { name: "until", in: "query" } }),
});

export const IpChangesSchema = z
  .object({
    points: z.array(z.object({ at: z.string().openapi({ format: "date-time" }), family: z.union([z.literal(4), z.literal(6)]), ip: z.string() })),
    truncated: z.boolean(),
  })
  .openapi("IpChanges");
