// OpenAPI schemas of the account resource.
import { z } from "@hono/zod-openapi";

export const AccountSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    emailVerified: z.boolean(),
    createdAt: z.string().openapi({ format: "date-time" }),
    plan: z.object({
      id: z.string(),
      name: z.string(),
      maxHosts: z.number().int(),
      minTtl: z.number().int(),
      recordTypes: z.array(z.string()),
      features: z.array(z.string()),
    }),
    hostCount: z.number().int(),
    token: z.object({ id: z.string(), scopes: z.array(z.string()), expiresAt: z.string().nullable().openapi({ format: "date-time" }) }),
  })
  .openapi("Account");
