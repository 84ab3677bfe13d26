// Shared OpenAPI schemas of the v1 API: the error body, ids, pagination.
import { z } from "@hono/zod-openapi";
import { ERROR_CODES } from "@/lib/errors";

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES, ...(keyof typeof ERROR_CODES)[]]),
      message: z.string().openapi({ example: "No such host." }),
      field: z.string().optional().openapi({ example: "label" }),
    }),
  })
  .openapi("Error");

const uuid = (name: string) =>
  z.string().openapi({ param: { name, in: "path" }, example: "3f1c2a9e-8b8e-4a43-9a2b-6f0d4c1e2b7a" });

export const HostParams = z.object({ hostId: uuid("hostId") });
export const HostKeyParams = z.object({ hostId: uuid("hostId"), keyId: uuid("keyId") });

/** ?cursor=&limit= — keyset pagination; pass back nextCursor until it is null. */
export function pageQuery(maxLimit: number, defaultLimit: number) {
  return z.object({
    cursor: z.string().max(512).optional().openapi({ param: { name: "cursor", in: "query" }, description: "nextCursor of the previous page" }),
    limit: z.coerce
      .number({ error: "limit must be a number" })
      .int("limit must be a whole number")
      .min(1, "limit must be at least 1")
      .max(maxLimit, `limit must be at most ${maxLimit}`)
      .default(defaultLimit)
      .openapi({ param: { name: "limit", in: "query" }, example: defaultLimit }),
  });
}

export const NextCursor = z.string().nullable().openapi({ description: "Cursor of the next page; null on the last page" });

const err = (description: string) => ({ description, content: { "application/json": { schema: ErrorSchema } } });

/** The error answers a route can give, for its OpenAPI description. */
export const ERRORS = {
  400: err("Malformed request (e.g. a body that is not JSON)"),
  401: err("Missing, invalid, revoked or expired token (with WWW-Authenticate: Bearer)"),
  402: err("The plan does not allow this"),
  403: err("The token lacks the scope this operation needs"),
  404: err("No such resource, or it belongs to someone else"),
  409: err("Conflicts with the current state (e.g. the name is taken)"),
  422: err("Invalid input; `field` names the first offending field"),
  429: err("Rate limited; see Retry-After and the RateLimit-* headers"),
} as const;

export function errors<K extends keyof typeof ERRORS>(...codes: K[]): Pick<typeof ERRORS, K> {
  return Object.fromEntries(codes.map((c) => [c, ERRORS[c]])) as Pick<typeof ERRORS, K>;
}
