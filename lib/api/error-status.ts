import { ERROR_CODES, type ErrorCode } from "@/lib/errors";

/** The HTTP status of each error code: the one place an AppError becomes HTTP. */
const HTTP_STATUS = {
  invalid_input: 400,
  merchant_not_configured: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  method_not_allowed: 405,
  payload_too_large: 413,
  rate_limit_exceeded: 429,
  internal_error: 500,
  bakong_unavailable: 502,
} as const satisfies Record<ErrorCode, number>;

/** Every error the public API can answer, with its status and meaning (for the docs and OpenAPI). */
export const API_ERRORS = Object.fromEntries(
  Object.entries(ERROR_CODES).map(([code, description]) => [code, { status: HTTP_STATUS[code as ErrorCode], description }]),
) as { [Code in ErrorCode]: { status: (typeof HTTP_STATUS)[Code]; description: string } };
