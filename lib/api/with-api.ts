import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { AccountChangedError, authenticateApiKey, cachedApiKey, isKeyUnchanged, type ApiKeyAuth } from "@/lib/keys";
import { errorFields, log } from "@/lib/log";
import { applyRateLimit, type RateLimitedRoute } from "@/lib/ratelimit";
import { clientAddress } from "@/lib/std";
import { CORS_PREFLIGHT_HEADERS } from "./cors";
import { API_ERRORS } from "./error-status";
import { baseHeaders, jsonResponse as json, newRequestId } from "./response";
import { parseJsonBody } from "./request-body";

type Context<Body> = { auth: ApiKeyAuth; body: Body; request: Request; requestId: string };

type Options<Schema extends z.ZodType | undefined> = {
  /** Stable name for logs and rate-limit buckets, e.g. "qr.create". */
  route: string;
  rateLimit: RateLimitedRoute;
  body?: Schema;
  /**
   * The handler re-checks the key in its write (`keyRecheck` in lib/keys), so a key from this process's
   * key cache is used without a lookup. A handler that finds the key or account changed throws
   * AccountChangedError having written nothing; it then runs once more after a fresh lookup. So does one
   * that refused a cached key's request when the key or account turns out to have changed since: every
   * refusal is an answer about the account as it is now.
   */
  handlerRechecksKey?: boolean;
};

type Handler<Schema extends z.ZodType | undefined> = (
  context: Context<Schema extends z.ZodType ? z.output<Schema> : undefined>,
) => Promise<unknown>;

const UNHANDLED_MESSAGE = "Something went wrong on our side. It is safe to retry the same request.";

function setAll(headers: Headers, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) headers.set(name, value);
}

/** What an AppError says about waiting and limits, as the headers API clients read. */
function errorHeaders(error: AppError): Record<string, string> {
  const headers: Record<string, string> = {};
  if (error.retryAfterSeconds !== undefined) headers["Retry-After"] = String(error.retryAfterSeconds);
  if (error.limit) {
    headers["X-RateLimit-Limit"] = String(error.limit.limit);
    headers["X-RateLimit-Remaining"] = String(error.limit.remaining);
    headers["X-RateLimit-Reset"] = String(Math.floor(error.limit.resetAtMs / 1000));
  }
  return headers;
}

/** Failed authentication is limited per client address, so key guessing is throttled too. */
async function authenticate(request: Request, headers: Headers): Promise<ApiKeyAuth> {
  try {
    return await authenticateApiKey(request.headers.get("authorization"));
  } catch (error) {
    const limit = await applyRateLimit({ ip: clientAddress(request.headers) }, "unauthenticated");
    setAll(headers, limit.headers);
    if (!limit.allowed) throw new AppError("rate_limit_exceeded", limit.message);
    throw error;
  }
}

/**
 * The one wrapper every /api/v1 route goes through: request id, CORS, API-key auth, rate limits,
 * body validation, error mapping and one structured log line per request.
 */
export function withApi<Schema extends z.ZodType | undefined = undefined>(options: Options<Schema>, handler: Handler<Schema>) {
  return async function apiRoute(request: Request): Promise<Response> {
    const started = performance.now();
    const requestId = newRequestId();
    const headers = baseHeaders(requestId);
    let auth: ApiKeyAuth | undefined;
    let status = 200;
    let errorCode: string | undefined;
    try {
      const cached = options.handlerRechecksKey ? cachedApiKey(request.headers.get("authorization")) : null;
      auth = cached ?? (await authenticate(request, headers));
      const limit = await applyRateLimit({ keyId: auth.keyId }, options.rateLimit);
      setAll(headers, limit.headers);
      if (!limit.allowed) throw new AppError("rate_limit_exceeded", limit.message);
      const body = options.body ? await parseJsonBody(request, options.body) : undefined;
      const run = (key: ApiKeyAuth) => handler({ auth: key, body, request, requestId } as Context<never>);
      let result: unknown;
      try {
        result = await run(auth);
      } catch (error) {
        const stale =
          error instanceof AccountChangedError || (cached !== null && error instanceof AppError && !(await isKeyUnchanged(auth)));
        if (!stale) throw error;
        // Revoked → the lookup answers 403; a changed profile or plan → the handler runs on what is current.
        auth = await authenticate(request, headers);
        result = await run(auth).catch((retryError: unknown) => {
          if (!(retryError instanceof AccountChangedError)) throw retryError;
          throw new AppError(
            "conflict",
            "Your API key or account changed while this request ran, twice; nothing was written. Retry the request.",
          );
        });
      }
      return json(status, result, headers);
    } catch (error) {
      const appError = error instanceof AppError ? error : undefined;
      if (!appError) log("error", "api_unhandled_error", { request_id: requestId, route: options.route, ...errorFields(error) });
      const code = appError?.code ?? "internal_error";
      if (appError) setAll(headers, errorHeaders(appError));
      status = API_ERRORS[code].status;
      errorCode = code;
      return json(status, { error: code, message: appError?.message ?? UNHANDLED_MESSAGE }, headers);
    } finally {
      log("info", "api_request", {
        request_id: requestId,
        route: options.route,
        method: request.method,
        status,
        error_code: errorCode,
        duration_ms: Math.round((performance.now() - started) * 100) / 100,
        account: auth?.userId,
        api_key_id: auth?.keyId,
        mode: auth?.mode,
      });
    }
  };
}

/** Answers CORS preflight for any /api/v1 route. */
export function preflight(): Response {
  const headers = baseHeaders(newRequestId(), CORS_PREFLIGHT_HEADERS);
  return new Response(null, { status: 204, headers });
}
