import { API_ERRORS } from "@/lib/api";
import { ENDPOINTS, rateLimitOf, type Endpoint } from "./endpoints";
import { fieldsOf, toJsonSchema } from "./json-schema";
import { WEBHOOK_EVENT_DOCS } from "./webhooks";

/** "createQr" → "create-qr": the docs page's anchor for an endpoint. */
export function endpointAnchor(endpoint: Pick<Endpoint, "operationId">): string {
  return endpoint.operationId.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

export function curlExample(endpoint: Endpoint, baseUrl: string): string {
  const lines = [
    `curl ${endpoint.method === "GET" ? "" : `-X ${endpoint.method} `}${baseUrl}${endpoint.path} \\`,
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

/** The webhook events as the docs page lists them: events sharing a body are shown together, with its fields once. */
export function webhookEventViews() {
  const bySchema = new Map<string, { events: string[]; summaries: string[]; fields: ReturnType<typeof fieldsOf> }>();
  for (const doc of WEBHOOK_EVENT_DOCS) {
    const view = bySchema.get(doc.schemaName) ?? { events: [], summaries: [], fields: fieldsOf(toJsonSchema(doc.schema, "output")) };
    view.events.push(doc.event);
    view.summaries.push(`${doc.event}: ${doc.description}`);
    bySchema.set(doc.schemaName, view);
  }
  return [...bySchema.entries()].map(([schemaName, view]) => ({ schemaName, ...view }));
}
