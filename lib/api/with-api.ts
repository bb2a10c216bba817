import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { authenticateApiKey, recallApiKey, type ApiKeyAuth } from "@/lib/keys";
import { applyRateLimit, type RateLimitedRoute } from "@/lib/ratelimit";
import { errorFields, log } from "@/lib/log";
import { CORS_HEADERS, CORS_PREFLIGHT_HEADERS } from "./cors";
import { API_ERRORS, ApiError } from "./errors";
import { parseJsonBody } from "./request-body";

type Context<Body> = { auth: ApiKeyAuth; body: Body; request: Request; requestId: string };

type Options<Schema extends z.ZodType | undefined> = {
  /** Stable name for logs and rate-limit buckets, e.g. "qr.create". */
  route: string;
  rateLimit: RateLimitedRoute;
  body?: Schema;
  /**
   * The handler's one write re-checks the key and account in its own statement (`accountCheck` in
   * lib/keys), so a key looked up in the last minute is not looked up again. Should the handler fail on
   * such a key, for whatever reason, it runs once more after a full lookup: it must leave nothing written
   * when it throws, as every API write must anyway for a failed request to be safe to retry.
   */
  keyCheckedInStatement?: boolean;
};

type Handler<Schema extends z.ZodType | undefined> = (
  context: Context<Schema extends z.ZodType ? z.output<Schema> : undefined>,
) => Promise<unknown>;

function json(status: number, payload: unknown, headers: Headers): Response {
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(payload), { status, headers });
}

function baseHeaders(requestId: string, cors = CORS_HEADERS): Headers {
  const headers = new Headers(cors);
  headers.set("X-Request-Id", requestId);
  headers.set("Cache-Control", "no-store");
  return headers;
}

function clientIp(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "unknown";
}

/** Failed authentication is limited per client address, so key guessing is throttled too. */
async function authenticate(request: Request, headers: Headers): Promise<ApiKeyAuth> {
  try {
    return await authenticateApiKey(request.headers.get("authorization"));
  } catch (error) {
    const limit = await applyRateLimit({ ip: clientIp(request) }, "unauthenticated");
    for (const [name, value] of Object.entries(limit.headers)) headers.set(name, value);
    if (!limit.allowed) throw new ApiError("rate_limit_exceeded", limit.message);
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
    const requestId = `req_${randomUUID().replaceAll("-", "")}`;
    const headers = baseHeaders(requestId);
    let auth: ApiKeyAuth | undefined;
    let status = 200;
    let errorCode: string | undefined;
    try {
      const remembered = options.keyCheckedInStatement ? recallApiKey(request.headers.get("authorization")) : null;
      auth = remembered ?? (await authenticate(request, headers));
      const limit = await applyRateLimit({ keyId: auth.keyId }, options.rateLimit);
      for (const [name, value] of Object.entries(limit.headers)) headers.set(name, value);
      if (!limit.allowed) throw new ApiError("rate_limit_exceeded", limit.message);
      const body = options.body ? await parseJsonBody(request, options.body) : undefined;
      const run = (key: ApiKeyAuth) => handler({ auth: key, body, request, requestId } as Context<never>);
      let result: unknown;
      try {
        result = await run(auth);
      } catch (error) {
        if (!remembered) throw error;
        auth = await authenticate(request, headers);
        result = await run(auth);
      }
      return json(status, result, headers);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : undefined;
      if (!apiError) log("error", "api_unhandled_error", { request_id: requestId, route: options.route, ...errorFields(error) });
      const code = apiError?.code ?? "internal_error";
      const message = apiError?.message ?? "Something went wrong on our side. It is safe to retry the same request.";
      for (const [name, value] of Object.entries(apiError?.headers ?? {})) headers.set(name, value);
      status = API_ERRORS[code].status;
      errorCode = code;
      return json(status, { error: code, message }, headers);
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
  const headers = baseHeaders(`req_${randomUUID().replaceAll("-", "")}`, CORS_PREFLIGHT_HEADERS);
  return new Response(null, { status: 204, headers });
}
