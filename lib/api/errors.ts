/**
 * Every error the public API can answer, with its HTTP status. Routes never format an error
 * themselves: they throw ApiError and the wrapper renders `{error, message}` from this table.
 */
export const API_ERRORS = {
  invalid_input: { status: 400, description: "A parameter is missing or invalid, or the body is not JSON." },
  merchant_not_configured: { status: 400, description: "Save your Bakong account and merchant name in the dashboard first." },
  unauthorized: { status: 401, description: "The API key is missing, malformed or unknown." },
  forbidden: { status: 403, description: "The API key was revoked, or it may not do this (e.g. a live key on a sandbox route)." },
  not_found: { status: 404, description: "The resource does not exist for this API key's account and mode." },
  conflict: { status: 409, description: "The order_id was already used with different parameters." },
  rate_limit_exceeded: { status: 429, description: "A per-minute rate limit or the plan's daily quota was reached." },
  internal_error: { status: 500, description: "Something failed on our side. Retry with the same order_id." },
  bakong_unavailable: { status: 502, description: "Bakong could not be reached or answered with an error; the status is unknown, not pending." },
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly headers: Record<string, string>;

  constructor(code: ApiErrorCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.headers = headers;
  }

  get status(): number {
    return API_ERRORS[this.code].status;
  }
}
