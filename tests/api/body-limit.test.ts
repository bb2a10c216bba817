import { beforeAll, describe, expect, it } from "vitest";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { POST as checkRoute } from "@/app/api/v1/transaction/check/route";
import { API_BODY_MAX_BYTES } from "@/lib/config/limits";
import { call } from "../helpers/api";
import { transactionCount } from "../helpers/db";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";

let merchant: TestMerchant;

beforeAll(async () => {
  merchant = await createTestMerchant();
});

/** A JSON body of `totalBytes` produced chunk by chunk, counting how much of it the server pulled. */
function endlessBody(totalBytes: number) {
  const chunk = new TextEncoder().encode(" ".repeat(16 * 1024));
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes === 0) controller.enqueue(new TextEncoder().encode('{"amount": 1,'));
      if (pulled.bytes >= totalBytes) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

async function send(handler: (request: Request) => Promise<Response>, body: BodyInit, headers: Record<string, string> = {}) {
  const request = new Request("http://localhost/api/v1/qr", {
    method: "POST",
    headers: { authorization: `Bearer ${merchant.testKey.key}`, "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  const response = await handler(request);
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

describe("request bodies are capped", () => {
  it("a 500 MB streamed body: 413 payload_too_large after reading little more than the limit, nothing written", async () => {
    const before = await transactionCount();
    const { stream, pulled } = endlessBody(500 * 1024 * 1024);
    const { status, body, headers } = await send(createQrRoute, stream);
    expect(status).toBe(413);
    expect(body).toEqual({ error: "payload_too_large", message: "The request body must be at most 64 KB" });
    expect(headers.get("x-request-id")).toMatch(/^req_/);
    expect(pulled.bytes).toBeLessThan(API_BODY_MAX_BYTES * 3);
    expect(await transactionCount()).toBe(before);
  });

  it("a declared Content-Length over the limit is refused without reading the body", async () => {
    const { stream, pulled } = endlessBody(API_BODY_MAX_BYTES * 2);
    const { status, body } = await send(checkRoute, stream, { "content-length": String(API_BODY_MAX_BYTES + 1) });
    expect(status).toBe(413);
    expect(body.error).toBe("payload_too_large");
    expect(pulled.bytes).toBeLessThanOrEqual(16 * 1024);
  });

  it("a body of exactly the limit is read (and judged on its content)", async () => {
    const json = JSON.stringify({ amount: 1, bill_number: "INV-1" });
    const padded = json.slice(0, -1) + " ".repeat(API_BODY_MAX_BYTES - json.length) + "}";
    expect(new TextEncoder().encode(padded).byteLength).toBe(API_BODY_MAX_BYTES);
    const { status } = await call(createQrRoute, { key: merchant.testKey.key, rawBody: padded });
    expect(status).toBe(200);
  });
});
