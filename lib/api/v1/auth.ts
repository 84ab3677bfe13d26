// Bearer-token authentication, per-token rate limiting and scope checks for the v1 API.
import type { MiddlewareHandler } from "hono";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { ApiScope } from "@/lib/tokens/scopes";
import { verifyApiToken } from "@/lib/tokens/verify-api-token";
import type { V1Env } from "./context";
import { perWindow, TokenBuckets } from "@/lib/rate-limit/token-buckets";

let limiter: TokenBuckets | undefined;

/** The process's limiter (API_RATE_LIMIT per minute per token); tests may replace it. */
export function apiLimiter(replace?: TokenBuckets): TokenBuckets {
  if (replace) limiter = replace;
  limiter ??= new TokenBuckets(() => perWindow(env().API_RATE_LIMIT), Date.now, 100_000);
  return limiter;
}

/** Verifies "Authorization: Bearer <token>", then spends one request of the token's bucket. */
export const bearerAuth: MiddlewareHandler<V1Env> = async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw new AppError("UNAUTHENTICATED", "Send an API token in the Authorization header: Bearer <token>.");
  const principal = await verifyApiToken(db(), { token: m[1]! });
  c.set("principal", principal);
  const d = apiLimiter().tryTake(principal.tokenId);
  if (d.limit > 0) {
    c.header("RateLimit-Limit", String(d.limit));
    c.header("RateLimit-Remaining", String(d.remaining));
    c.header("RateLimit-Reset", String(d.resetS));
  }
  if (!d.allowed) {
    throw new AppError("RATE_LIMITED", `Too many requests for this token: at most ${d.limit} per minute.`, { retryAfter: d.retryAfterS });
  }
  await next();
};

/** 403 unless the token carries `scope`. */
export function requireScope(scope: ApiScope): MiddlewareHandler<V1Env> {
  return async (c, next) => {
    if (!c.get("principal").scopes.has(scope)) {
      throw new AppError("FORBIDDEN", `This token lacks the "${scope}" scope.`);
    }
    await next();
  };
}

/** A route's security, scope check and the scope note in its OpenAPI description. */
export function scoped(scope: ApiScope) {
  return {
    security: [{ bearer: [] as string[] }],
    middleware: requireScope(scope),
    description: `Needs a token with the \`${scope}\` scope.`,
  };
}
