import { baseHeaders, newRequestId, preflight } from "@/lib/api";
import { buildOpenApiDocument } from "@/lib/openapi";

// The document is a pure function of the code: build it once per server process.
const document = JSON.stringify(buildOpenApiDocument());

/** The public OpenAPI 3.1 description of /api/v1 (no API key needed), generated from the routes' zod schemas. */
export function GET(): Response {
  const headers = baseHeaders(newRequestId());
  headers.set("Content-Type", "application/json; charset=utf-8");
  headers.set("Cache-Control", "public, max-age=300");
  return new Response(document, { headers });
}

export const OPTIONS = preflight;
