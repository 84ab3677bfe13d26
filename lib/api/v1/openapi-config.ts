// The OpenAPI document's header: what /openapi.json and /docs describe besides the routes.
export const OPENAPI_CONFIG = {
  openapi: "3.1.0" as const,
  info: {
    title: "dynhost API",
    version: "1.0.0",
    description:
      "Manage hosts, their DNS records, update keys, paused update clients and history with an API token (`Authorization: Bearer dht_…`). " +
      "Errors are `{ error: { code, message, field? } }`. Lists are paginated with `cursor`: pass back `nextCursor` until it is null. " +
      "Each token may send API_RATE_LIMIT requests per minute (default 600) per web process, reported in `RateLimit-Limit`, " +
      "`RateLimit-Remaining` and `RateLimit-Reset` (seconds until the budget is full again); a 429 carries `Retry-After`.",
  },
  servers: [{ url: "/api/v1" }],
};
