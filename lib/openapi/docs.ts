import { API_ERRORS } from "@/lib/api";
import { ENDPOINTS, rateLimitOf, type Endpoint } from "./endpoints";
import { fieldsOf, toJsonSchema } from "./json-schema";

/** "createQr" → "create-qr": the docs page's anchor for an endpoint. */
export function endpointAnchor(endpoint: Pick<Endpoint, "operationId">): string {
  return endpoint.operationId.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

export function curlExample(endpoint: Endpoint, baseUrl: string): string {
  const lines = [
    `curl ${endpoint.method === "GET" ? "" : "-X POST "}${baseUrl}${endpoint.path} \\`,
    `  -H "Authorization: Bearer $KHQR_API_KEY"`,
  ];
  if (endpoint.example.request !== undefined) {
    lines[1] += " \\";
    lines.push(
      `  -H "Content-Type: application/json" \\`,
      `  -d '${JSON.stringify(endpoint.example.request, null, 2).replaceAll("\n", "\n  ")}'`,
    );
  }
  return lines.join("\n");
}

/** Everything the docs page shows about each endpoint, from the same definitions as the OpenAPI document. */
export function endpointViews(baseUrl: string) {
  return ENDPOINTS.map((endpoint) => ({
    anchor: endpointAnchor(endpoint),
    method: endpoint.method,
    path: endpoint.path,
    summary: endpoint.summary,
    description: endpoint.description,
    rateLimit: rateLimitOf(endpoint),
    requestFields: endpoint.request ? fieldsOf(toJsonSchema(endpoint.request, "input")) : null,
    responseFields: fieldsOf(toJsonSchema(endpoint.response, "output")),
    errors: endpoint.errors.map((code) => ({ code, status: API_ERRORS[code].status })).sort((a, b) => a.status - b.status),
    curl: curlExample(endpoint, baseUrl),
    exampleResponse: JSON.stringify(endpoint.example.response, null, 2),
  }));
}
