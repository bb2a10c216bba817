import { randomUUID } from "node:crypto";
import type { ErrorCode } from "@/lib/errors";
import { CORS_HEADERS } from "./cors";
import { API_ERRORS } from "./error-status";

export function newRequestId(): string {
  return `req_${randomUUID().replaceAll("-", "")}`;
}

/** The headers every /api/v1 response starts from: its request id, CORS, and never cached. */
export function baseHeaders(requestId: string, cors = CORS_HEADERS): Headers {
  const headers = new Headers(cors);
  headers.set("X-Request-Id", requestId);
  headers.set("Cache-Control", "no-store");
  return headers;
}

export function jsonResponse(status: number, payload: unknown, headers: Headers): Response {
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(payload), { status, headers });
}

/** The `{error, message}` envelope with the code's status. */
export function errorResponse(code: ErrorCode, message: string, headers: Headers): Response {
  return jsonResponse(API_ERRORS[code].status, { error: code, message }, headers);
}
