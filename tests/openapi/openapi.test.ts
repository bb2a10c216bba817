import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { API_ERRORS } from "@/lib/api";
import {
  buildOpenApiDocument,
  ENDPOINTS,
  endpointViews,
  errorResponse,
  fieldsOf,
  toJsonSchema,
  transactionEvent,
  transactionVerifiedEvent,
  webhookTestEvent,
} from "@/lib/openapi";
import { newEventId, transactionEventBody, verifiedEventBody } from "@/lib/webhooks/outbox";
import { testEventBody } from "@/lib/webhooks/test-event";
import { createTestMerchant } from "../helpers/merchant";
import { insertTransaction } from "../dashboard/seed";

const API_ROOT = path.join(process.cwd(), "app", "api", "v1");
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Every (method, path) that a route file under app/api/v1 exports, found from the files themselves. */
function routesOnDisk(): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = [];
  for (const file of readdirSync(API_ROOT, { recursive: true, encoding: "utf8" })) {
    if (path.basename(file) !== "route.ts") continue;
    const source = readFileSync(path.join(API_ROOT, file), "utf8");
    const routePath = `/${path.dirname(file).split(path.sep).join("/")}`.replace(/\[([^\]]+)\]/g, "{$1}");
    for (const method of HTTP_METHODS) {
      if (new RegExp(`export\\s+(const|async function|function)\\s+${method}\\b`).test(source)) routes.push({ method, path: routePath });
    }
  }
  return routes;
}

describe("OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("documents every route under app/api/v1, and nothing that does not exist", () => {
    const onDisk = routesOnDisk();
    expect(onDisk.length).toBeGreaterThanOrEqual(6);
    const documented = Object.entries(document.paths).flatMap(([routePath, operations]) =>
      Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path: routePath })),
    );
    const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`;
    expect(documented.map(key).sort()).toEqual(onDisk.map(key).sort());
  });

  it("is OpenAPI 3.1 and served publicly with CORS", async () => {
    expect(document.openapi).toBe("3.1.0");
    const response = openApiRoute();
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it("takes request and response schemas from the zod definitions the routes validate with", () => {
    for (const endpoint of ENDPOINTS) {
      const schemas = document.components.schemas;
      if (endpoint.request) expect(schemas[endpoint.requestName!]).toEqual(toJsonSchema(endpoint.request, "input"));
      expect(schemas[endpoint.responseName]).toEqual(toJsonSchema(endpoint.response, "output"));
    }
    const createQr = document.components.schemas.CreateQrRequest!;
    expect(createQr.properties?.bill_number?.maxLength).toBe(25);
    expect(createQr.properties?.expires_in_seconds).toMatchObject({ minimum: 30, maximum: 86_400 });
    expect(createQr.additionalProperties).toBe(false);
  });

  it("lists every error code with its status", () => {
    expect(document.components.schemas.Error).toEqual(toJsonSchema(errorResponse, "output"));
    const documentedCodes = new Set(ENDPOINTS.flatMap((endpoint) => endpoint.errors));
    expect([...documentedCodes].sort()).toEqual(Object.keys(API_ERRORS).sort());
    const qr = document.paths["/qr"]!.post as { responses: Record<string, unknown> };
    expect(Object.keys(qr.responses).sort()).toEqual(["200", "400", "401", "403", "405", "409", "413", "429", "500"]);
  });

  it("has examples that the real schemas accept", () => {
    for (const endpoint of ENDPOINTS) {
      if (endpoint.request) expect(endpoint.request.safeParse(endpoint.example.request).success, endpoint.operationId).toBe(true);
      expect(endpoint.response.safeParse(endpoint.example.response).success, endpoint.operationId).toBe(true);
    }
  });

  it("describes every webhook body exactly as lib/webhooks builds it, and documents each event", async () => {
    const merchant = await createTestMerchant();
    const row = await insertTransaction(merchant.userId, { status: "paid", orderId: "ORDER-7" });
    const verified = {
      id: randomUUID(),
      userId: merchant.userId,
      mode: "live" as const,
      hash: "a".repeat(64),
      amount: "7.50",
      currency: "USD" as const,
      fromAccountId: "dara@abaa",
      toAccountId: "coffee_shop@aclb",
      paidAt: new Date(),
      transactionId: null,
      source: "api" as const,
      apiKeyId: null,
      bakongResponse: null,
      createdAt: new Date(),
    };
    const bodies: [z.ZodObject, string][] = [
      [transactionEvent, transactionEventBody(newEventId(), "transaction.paid", row)],
      [transactionEvent, transactionEventBody(newEventId(), "transaction.expired", row)],
      [transactionVerifiedEvent, verifiedEventBody(newEventId(), verified, null)],
      [webhookTestEvent, testEventBody({ id: randomUUID(), mode: "test" }, new Date())],
    ];
    for (const [schema, text] of bodies) {
      const body = JSON.parse(text) as Record<string, unknown>;
      expect(schema.strict().safeParse(body).success, text).toBe(true);
      expect(Object.keys(body).sort()).toEqual(Object.keys(schema.shape).sort());
    }
    expect(Object.keys(buildOpenApiDocument().webhooks).sort()).toEqual([
      "transaction.expired",
      "transaction.paid",
      "transaction.verified",
      "webhook.test",
    ]);
  });
});

describe("docs page content", () => {
  it("renders each endpoint's fields from the same schemas", () => {
    const views = endpointViews("https://pay.example.com/api/v1");
    expect(views.map((view) => view.path)).toEqual(ENDPOINTS.map((endpoint) => endpoint.path));
    for (const [index, endpoint] of ENDPOINTS.entries()) {
      const view = views[index]!;
      if (endpoint.request) expect(view.requestFields).toEqual(fieldsOf(toJsonSchema(endpoint.request, "input")));
      expect(view.responseFields.map((field) => field.name)).toEqual(
        fieldsOf(toJsonSchema(endpoint.response, "output")).map((field) => field.name),
      );
      expect(view.curl).toContain(`https://pay.example.com/api/v1${endpoint.path}`);
    }
    const createQr = views.find((view) => view.path === "/qr")!;
    expect(createQr.requestFields!.map((field) => field.name)).toEqual([
      "amount",
      "currency",
      "bill_number",
      "store_label",
      "terminal_label",
      "expires_in_seconds",
      "order_id",
    ]);
    expect(createQr.requestFields!.find((field) => field.name === "order_id")).toMatchObject({
      required: false,
      rules: ["at most 64 characters"],
    });
    const me = views.find((view) => view.path === "/me")!;
    expect(me.responseFields.map((field) => field.name)).toContain("merchant.bakong_account_id");
  });
});
