export type BakongUnavailableReason =
  | "not_configured"
  | "timeout"
  | "network"
  | "http_error"
  | "auth_failed"
  | "bad_response"
  /** The md5-list endpoint will not serve list calls (single checks may still work). */
  | "list_refused";

/**
 * Bakong could not tell us the status of a payment. Never to be read as "unpaid": that would hide outages.
 */
export class BakongUnavailableError extends Error {
  readonly reason: BakongUnavailableReason;
  readonly httpStatus?: number;
  readonly retryAfterSeconds?: number;

  constructor(
    reason: BakongUnavailableReason,
    message: string,
    details: { httpStatus?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "BakongUnavailableError";
    this.reason = reason;
    // Stryker disable next-line ConditionalExpression: equivalent, the declared class field already holds undefined (ES2022 define semantics)
    if (details.httpStatus !== undefined) this.httpStatus = details.httpStatus;
    // Stryker disable next-line ConditionalExpression: equivalent, the declared class field already holds undefined (ES2022 define semantics)
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
  }
}
