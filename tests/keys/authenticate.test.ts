import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { apiKeys } from "@/lib/db/schema";
import { revokeApiKey } from "@/lib/keys";
import { POST as createQrRoute, OPTIONS as qrPreflight } from "@/app/api/v1/qr/route";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { call } from "../helpers/api";
import { transactionCount } from "../helpers/db";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";

let merchant: TestMerchant;

beforeAll(async () => {
  merchant = await createTestMerchant();
});

describe("API key authentication", () => {
  it.each([
    ["no Authorization header", null, undefined],
    ["a Basic header", null, { authorization: "Basic dXNlcjpwYXNz" }],
    ["garbage", "not-a-key", undefined],
    ["a key with the wrong prefix", `sk_live_${"a".repeat(32)}`, undefined],
    ["a well-formed unknown key", `khqr_live_${"a".repeat(32)}`, undefined],
  ])("%s → 401 unauthorized", async (_name, key, headers) => {
    const before = await transactionCount();
    const { status, body, headers: responseHeaders } = await call(createQrRoute, { key, headers, body: { amount: 5 } });
    expect(status).toBe(401);
    expect(body.error).toBe("unauthorized");
    expect(responseHeaders.get("x-request-id")).toBeTruthy();
    expect(responseHeaders.get("access-control-allow-origin")).toBe("*");
    expect(responseHeaders.get("access-control-expose-headers")).toMatch(/X-Request-Id/);
    expect(await transactionCount()).toBe(before);
  });

  it("a revoked key → 403 forbidden on the very next request", async () => {
    const victim = await createTestMerchant();
    expect((await call(meRoute, { key: victim.liveKey.key })).status).toBe(200);
    await revokeApiKey(victim.userId, victim.liveKey.id);
    const { status, body } = await call(createQrRoute, { key: victim.liveKey.key, body: { amount: 5 } });
    expect(status).toBe(403);
    expect(body.error).toBe("forbidden");
    expect(await transactionCount(victim.userId)).toBe(0);
    expect((await call(meRoute, { key: victim.testKey.key })).status).toBe(200);
  });

  it("records last_used_at at most once a minute", async () => {
    const db = await getDb();
    const read = async () => (await db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, merchant.testKey.id)))[0]?.at;
    await call(meRoute, { key: merchant.testKey.key });
    const first = await read();
    expect(first).toBeInstanceOf(Date);
    await call(meRoute, { key: merchant.testKey.key });
    expect((await read())?.getTime()).toBe(first?.getTime());
    await db
      .update(apiKeys)
      .set({ lastUsedAt: new Date(Date.now() - 61_000) })
      .where(eq(apiKeys.id, merchant.testKey.id));
    await call(meRoute, { key: merchant.testKey.key });
    expect((await read())!.getTime()).toBeGreaterThan(Date.now() - 5_000);
  });

  it("answers CORS preflight", async () => {
    const response = qrPreflight();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-headers")).toMatch(/Authorization/);
    expect(response.headers.get("access-control-allow-headers")).toMatch(/Content-Type/);
    expect(response.headers.get("access-control-allow-methods")).toMatch(/POST/);
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("writes one JSON log line per request without the key", async () => {
    const lines: string[] = [];
    const silenced = process.env.LOG_SILENT;
    delete process.env.LOG_SILENT;
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => lines.push(String(chunk)) > 0);
    try {
      await call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 3 } });
      // Lines are written at the end of the event loop's turn.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      spy.mockRestore();
      if (silenced !== undefined) process.env.LOG_SILENT = silenced;
    }
    const requestLines = lines
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === "api_request");
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ route: "qr.create", status: 200, account: merchant.userId, mode: "live" });
    expect(typeof requestLines[0]?.request_id).toBe("string");
    expect(typeof requestLines[0]?.duration_ms).toBe("number");
    expect(lines.join("\n")).not.toContain(merchant.liveKey.key);
  });
});
