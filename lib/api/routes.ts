import { baseHeaders, errorResponse, newRequestId } from "./response";

/**
 * Every /api/v1 route and the methods it answers (besides OPTIONS, the CORS preflight every route
 * answers, and HEAD wherever GET is). tests/api/routes.test.ts holds this table to app/api/v1's files.
 */
export const API_ROUTES: Record<string, readonly string[]> = {
  "/api/v1/me": ["GET"],
  "/api/v1/openapi.json": ["GET"],
  "/api/v1/qr": ["POST"],
  "/api/v1/transaction/check": ["POST"],
  "/api/v1/transaction/by-order": ["POST"],
  "/api/v1/transaction/verify": ["POST"],
  "/api/v1/sandbox/transactions/pay": ["POST"],
  "/api/v1/payment-links": ["GET", "POST"],
  "/api/v1/payment-links/[id]": ["GET", "PATCH"],
};

/** A table key's path as a pattern: a `[name]` segment (a Next.js dynamic segment) takes any one segment. */
const ROUTE_PATTERNS = Object.entries(API_ROUTES)
  .filter(([route]) => route.includes("["))
  .map(([route, methods]) => ({
    pattern: new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/]+")}$`),
    methods,
  }));

function methodsOf(path: string): readonly string[] | undefined {
  return API_ROUTES[path] ?? ROUTE_PATTERNS.find(({ pattern }) => pattern.test(path))?.methods;
}

/** The `{id}` of a dynamic route such as /api/v1/payment-links/{id}, from the request's own URL. */
export function lastPathSegment(request: Request): string {
  const segment = new URL(request.url).pathname.replace(/\/+$/, "").split("/").pop() ?? "";
  try {
    return decodeURIComponent(segment);
  } catch {
    // Malformed percent-encoding names no resource: the lookup answers 404 for it as it is.
    return segment;
  }
}

function allowedMethods(methods: readonly string[]): string[] {
  return [...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
}

/**
 * The answer to an /api/v1 request no route will take: a 404 for a path that is not ours, a 405 (with
 * `Allow`) for a method the route does not answer, both in the API's error envelope. Null when a route
 * takes it. Called by proxy.ts before routing, so even methods Next.js cannot route (TRACE) get the envelope.
 */
export function unroutedApiResponse(method: string, pathname: string): Response | null {
  const path = pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
  const methods = methodsOf(path);
  const headers = baseHeaders(newRequestId());
  if (!methods) return errorResponse("not_found", `There is no API endpoint at ${path}. See /docs for the endpoints.`, headers);
  const allowed = allowedMethods(methods);
  if (allowed.includes(method.toUpperCase())) return null;
  headers.set("Allow", allowed.join(", "));
  return errorResponse("method_not_allowed", `${path} answers ${allowed.join(", ")}, not ${method.toUpperCase()}.`, headers);
}
