import { CORS_HEADERS, CORS_PREFLIGHT_HEADERS } from "@/lib/api";
import { buildOpenApiDocument } from "@/lib/openapi";

// The document is a pure function of the code: build it once per server process.
const document = JSON.stringify(buildOpenApiDocument());

/** The public OpenAPI 3.1 description of /api/v1 (no API key needed), generated from the routes' zod schemas. */
export function GET(): Response {
  return new Response(document, {
    headers: { ...CORS_HEADERS, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}

export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: CORS_PREFLIGHT_HEADERS });
}
