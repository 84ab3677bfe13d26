// Closed error codes, mapped once to HTTP status (REST API, pages) and to dyndns2 answers
// (STYLE.md §8). `message` is safe to show to the user; `internal` is for logs only.

export const ERROR_CODES = {
  BAD_REQUEST: { status: 400, dyndns: "notfqdn" },
  VALIDATION: { status: 422, dyndns: "notfqdn" },
  UNAUTHENTICATED: { status: 401, dyndns: "badauth" },
  FORBIDDEN: { status: 403, dyndns: "badauth" },
  NOT_FOUND: { status: 404, dyndns: "nohost" },
  CONFLICT: { status: 409, dyndns: "notfqdn" },
  PLAN_LIMIT: { status: 402, dyndns: "!donator" },
  RATE_LIMITED: { status: 429, dyndns: "abuse" },
  BLOCKED: { status: 403, dyndns: "abuse" },
  BAD_AGENT: { status: 403, dyndns: "badagent" },
  DNS_ERROR: { status: 502, dyndns: "dnserr" },
  UNAVAILABLE: { status: 503, dyndns: "911" },
  INTERNAL: { status: 500, dyndns: "911" },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** The form field or parameter at fault, when there is one. */
  readonly field?: string;
  /** Seconds a client should wait (RATE_LIMITED, UNAVAILABLE). */
  readonly retryAfter?: number;
  readonly internal?: string;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { field?: string; retryAfter?: number; internal?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.field = opts.field;
    this.retryAfter = opts.retryAfter;
    this.internal = opts.internal;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get dyndns(): string {
    return ERROR_CODES[this.code].dyndns;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** Any thrown value as an AppError; unknown errors become INTERNAL with a message that says nothing internal. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  return new AppError("INTERNAL", "Something went wrong on our side. Please try again.", {
    internal: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
    cause: e,
  });
}

/** The REST error body: { error: { code, message, field? } }. */
export function errorBody(e: AppError): { error: { code: ErrorCode; message: string; field?: string } } {
  return { error: { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } };
}
