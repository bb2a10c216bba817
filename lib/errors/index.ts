/**
 * Every error a user can be answered with, and what each means. Transport-neutral: `withApi` (lib/api)
 * turns a code into an HTTP status and the `{error, message}` envelope, server actions into a form
 * message. The codes are the public API's error codes: branch on them, never on the text.
 */
export const ERROR_CODES = {
  invalid_input: "A parameter is missing or invalid, or the body is not JSON.",
  merchant_not_configured: "Save your Bakong account and merchant name in the dashboard first.",
  unauthorized: "The API key is missing, malformed or unknown.",
  forbidden: "The API key was revoked, or it may not do this (e.g. a live key on a sandbox route).",
  not_found: "The resource does not exist for this API key's account and mode.",
  conflict: "The order_id was already used with different parameters.",
  method_not_allowed: "The endpoint exists but does not answer this HTTP method (see the Allow header).",
  payload_too_large: "The request body is larger than the API accepts.",
  rate_limit_exceeded: "A per-minute rate limit or the plan's daily quota was reached.",
  internal_error: "Something failed on our side. Retry with the same order_id.",
  bakong_unavailable: "Bakong could not be reached or answered with an error; the status is unknown, not pending.",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The limit that refused a request, for callers that report limits (the API's X-RateLimit-* headers). */
export type RefusingLimit = { limit: number; remaining: number; resetAtMs: number };

export type AppErrorOptions = {
  /** The form field the message belongs next to, when the input came from a form. */
  field?: string;
  /** When trying again can succeed. */
  retryAfterSeconds?: number;
  limit?: RefusingLimit;
  cause?: unknown;
};

/** An error meant for the user: its message is shown as it is, its code says what kind of failure it is. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly limit: RefusingLimit | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.limit = options.limit;
  }
}
