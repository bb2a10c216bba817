import { BakongUnavailableError } from "./errors";
import type { BakongLog } from "./types";

/** What every Bakong HTTP call needs, with defaults already applied. */
export type BakongHttpSettings = {
  baseUrl: string;
  timeoutMs: number;
  fetchImpl: typeof fetch;
  log: BakongLog;
};

export function bakongUrl(settings: BakongHttpSettings, path: string): string {
  return `${settings.baseUrl.replace(/\/+$/, "")}${path}`;
}

export type BakongHttpResponse = { status: number; retryAfterHeader: string | null; bodyText: string };

export type BakongHttpRequest = {
  url: string;
  body: unknown;
  bearerToken?: string;
  timeoutMs: number;
  fetchImpl: typeof fetch;
};

/**
 * One POST to Bakong, body read in full. Only transport failures throw here (timeout, network);
 * HTTP statuses are left for the caller to judge.
 */
export async function postToBakong(request: BakongHttpRequest): Promise<BakongHttpResponse> {
  const signal = AbortSignal.timeout(request.timeoutMs);
  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (request.bearerToken !== undefined) headers.authorization = `Bearer ${request.bearerToken}`;
  try {
    const response = await request.fetchImpl(request.url, {
      method: "POST",
      headers,
      body: JSON.stringify(request.body),
      signal,
    });
    // The timeout covers the body too: a server that sends headers then stalls must not hang us.
    const bodyText = await response.text();
    return { status: response.status, retryAfterHeader: response.headers.get("retry-after"), bodyText };
  } catch (error) {
    if (signal.aborted) {
      throw new BakongUnavailableError("timeout", `Bakong did not answer ${request.url} within ${request.timeoutMs} ms`, { cause: error });
    }
    throw new BakongUnavailableError("network", `Could not reach Bakong at ${request.url}: ${describeNetworkError(error)}`, {
      cause: error,
    });
  }
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // undici reports "fetch failed" and hides the useful part (ECONNREFUSED, ENOTFOUND...) in `cause`.
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code === undefined ? `${error.message} (${cause.message})` : `${error.message} (${code})`;
  }
  return error.message;
}

export function httpStatusError(response: BakongHttpResponse, url: string): BakongUnavailableError {
  const retryAfterSeconds = parseRetryAfter(response.retryAfterHeader);
  return new BakongUnavailableError("http_error", `Bakong answered ${url} with HTTP ${response.status}${hint(response.status)}`, {
    httpStatus: response.status,
    // Stryker disable next-line ConditionalExpression: equivalent, BakongUnavailableError leaves out a retryAfterSeconds given as undefined
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });
}

function hint(status: number): string {
  if (status === 403) return " (Bakong refuses callers outside Cambodia: BAKONG_API_URL may need to point at a Cambodian relay)";
  if (status === 429) return " (rate limited)";
  if (status === 504) return " (Bakong busy)";
  return "";
}

/** Reads a Retry-After header given either as delta-seconds or as an HTTP date; undefined when unusable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
