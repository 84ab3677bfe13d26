// Error answers of the v1 API, in one place: every failure is { error: { code, message, field? } }
// with the status of its code (lib/errors.ts); 401 carries WWW-Authenticate: Bearer, 429 and 503
// carry Retry-After, and unexpected errors say nothing internal.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import { AppError, errorBody, toAppError } from "@/lib/errors";

/** The JSON answer for an error. */
export function errorResponse(c: Context, err: unknown): Response {
  const e = err instanceof HTTPException && err.status < 500 ? fromHttpException(err) : toAppError(err);
  if (e.code === "INTERNAL") console.error(`[api/v1] ${c.req.method} ${c.req.path}: ${e.internal}`);
  if (e.code === "UNAUTHENTICATED") c.header("WWW-Authenticate", 'Bearer realm="dynhost", error="invalid_token"');
  if (e.retryAfter !== undefined) c.header("Retry-After", String(e.retryAfter));
  c.header("Cache-Control", "no-store");
  return c.json(errorBody(e), e.status as 400);
}

function fromHttpException(err: HTTPException): AppError {
  if (err.status === 400) return new AppError("BAD_REQUEST", /json/i.test(err.message) ? "The request body is not valid JSON." : "The request is malformed.");
  if (err.status === 415) return new AppError("BAD_REQUEST", "Send the body as JSON, with Content-Type: application/json.");
  if (err.status === 404) return new AppError("NOT_FOUND", "No such resource.");
  return new AppError("BAD_REQUEST", err.message || "The request is malformed.");
}

/** The first zod issue as a VALIDATION error naming the field ("label", "rrsets.0.ttl"). */
export function validationError(error: ZodError): AppError {
  const issue = error.issues[0];
  if (issue?.code === "unrecognized_keys") {
    const field = [...issue.path.map(String), issue.keys[0]].join(".");
    return new AppError("VALIDATION", `Unknown field "${issue.keys[0]}".`, { field });
  }
  const field = issue?.path.map(String).join(".") || undefined;
  return new AppError("VALIDATION", issue?.message ?? "Invalid input.", { field });
}
