import { BakongUnavailableError } from "./errors";
import { parseRetryAfter } from "./retry-after";
import type { BakongHttpResponse } from "./transport";

export function httpStatusError(response: BakongHttpResponse, url: string): BakongUnavailableError {
  const retryAfterSeconds = parseRetryAfter(response.retryAfterHeader);
  return new BakongUnavailableError("http_error", `Bakong answered ${url} with HTTP ${response.status}${hint(response.status)}`, {
    httpStatus: response.status,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
}

function hint(status: number): string {
  if (status === 403) return " (Bakong refuses callers outside Cambodia: BAKONG_API_URL may need to point at a Cambodian relay)";
  if (status === 429) return " (rate limited)";
  if (status === 504) return " (Bakong busy)";
  return "";
}
