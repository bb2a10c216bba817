import { z } from "zod";
import { API_ERRORS } from "@/lib/api";
import type { ErrorCode } from "@/lib/errors";
import { API_RATE_LIMITS } from "@/lib/config/rate-limits";
import { ENDPOINTS, rateLimitOf, type Endpoint } from "./endpoints";
import { toJsonSchema, type JsonSchema } from "./json-schema";
import { WEBHOOK_EVENT_DOCS, WEBHOOK_HEADERS } from "./webhooks";

export const errorResponse = z.object({
  error: z.enum(Object.keys(API_ERRORS) as [ErrorCode, ...ErrorCode[]]).describe("Stable machine-readable code: branch on this."),
  message: z.string().describe("Human-readable explanation; may change, never parse it."),
});

const PER_KEY_LIMITS = ["qr", "check", "by_order", "general"] as const;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const RATE_LIMIT_HEADERS = {
  "X-Request-Id": { description: "Unique id of this request; quote it to support.", schema: { type: "string" } },
  "X-RateLimit-Limit": { description: "Requests allowed per minute for this key and route.", schema: { type: "integer" } },
  "X-RateLimit-Remaining": { description: "Requests left in the current window.", schema: { type: "integer" } },
  "X-RateLimit-Reset": { description: "Unix time (seconds) when the window resets.", schema: { type: "integer" } },
};

function errorResponses(codes: ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(API_ERRORS[code].status, [...(byStatus.get(API_ERRORS[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, group]) => [
      String(status),
      {
        description: group.map((code) => `\`${code}\`: ${API_ERRORS[code].description}`).join(" "),
        headers:
          status === 429
            ? { ...RATE_LIMIT_HEADERS, "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } }
            : RATE_LIMIT_HEADERS,
        content: { "application/json": { schema: ref("Error") } },
      },
    ]),
  );
}

function operation(endpoint: Endpoint) {
  const limit = rateLimitOf(endpoint);
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    ...(endpoint.path.includes("{id}")
      ? { parameters: [{ name: "id", in: "path", required: true, description: "The resource's id.", schema: { type: "string" } }] }
      : {}),
    description: limit ? `${endpoint.description}\n\nRate limit: ${limit} requests per minute per API key.` : endpoint.description,
    ...(endpoint.request && endpoint.requestName
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: ref(endpoint.requestName), example: endpoint.example.request } },
          },
        }
      : {}),
    responses: {
      "200": {
        description: "Success",
        headers: RATE_LIMIT_HEADERS,
        content: { "application/json": { schema: ref(endpoint.responseName), example: endpoint.example.response } },
      },
      ...errorResponses(endpoint.errors),
    },
  };
}

function componentSchemas(): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {
    Error: toJsonSchema(errorResponse, "output"),
  };
  for (const { schemaName, schema } of WEBHOOK_EVENT_DOCS) schemas[schemaName] = toJsonSchema(schema, "output");
  for (const endpoint of ENDPOINTS) {
    if (endpoint.request && endpoint.requestName) schemas[endpoint.requestName] = toJsonSchema(endpoint.request, "input");
    schemas[endpoint.responseName] = toJsonSchema(endpoint.response, "output");
  }
  return schemas;
}

/** The OpenAPI 3.1 description of the public API, generated from the zod schemas the routes validate with. */
export function buildOpenApiDocument(serverUrl = "/api/v1") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of ENDPOINTS) {
    paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method.toLowerCase()]: operation(endpoint) };
  }
  paths["/openapi.json"] = {
    get: {
      operationId: "openApiDocument",
      summary: "This document",
      description: "The OpenAPI 3.1 description of the API. Public: no API key needed.",
      security: [],
      responses: { "200": { description: "The OpenAPI document", content: { "application/json": { schema: { type: "object" } } } } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "KHQR Pay API",
      version: "1.0.0",
      description:
        "Create Bakong KHQR payment codes and learn when they are paid. Authenticate with `Authorization: Bearer <key>`; " +
        "khqr_live_ keys use real Bakong, khqr_test_ keys the sandbox. Every error is `{error, message}`. " +
        `Per-key limits per minute: ${PER_KEY_LIMITS.map((route) => `${API_RATE_LIMITS[route].label} ${API_RATE_LIMITS[route].requestsPerMinute}`).join(", ")}.`,
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerApiKey: [] }],
    paths,
    webhooks: Object.fromEntries(
      WEBHOOK_EVENT_DOCS.map(({ event, schemaName, summary, description }) => [
        event,
        {
          post: {
            summary,
            description: `${description} Verify X-KHQR-Signature before trusting it.`,
            // OpenAPI ignores a Content-Type header parameter: the request body's media type says it.
            parameters: WEBHOOK_HEADERS.filter((header) => header.name !== "Content-Type").map((header) => ({
              name: header.name,
              in: "header",
              required: true,
              description: header.description,
              schema: { type: "string" },
            })),
            requestBody: { required: true, content: { "application/json": { schema: ref(schemaName) } } },
            responses: { "200": { description: "Any 2xx within 10 seconds acknowledges the delivery." } },
          },
        },
      ]),
    ),
    components: {
      securitySchemes: {
        bearerApiKey: { type: "http", scheme: "bearer", description: "An API key from the dashboard: khqr_live_… or khqr_test_…" },
      },
      schemas: componentSchemas(),
    },
  };
}
