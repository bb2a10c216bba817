import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withApi } from "@/lib/api";
import { getDb } from "@/lib/db";
import { usageDaily } from "@/lib/db/schema";
import { closeRateLimitStore } from "@/lib/ratelimit";
import { cambodiaDay } from "@/lib/std";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { call } from "../helpers/api";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";
import { awayFromWindowEdge, REDIS_URL } from "./helpers";

// A trivial route through the real wrapper: the headers and the 429 body are the wrapper's, not a route's.
const limitedRoute = withApi({ route: "test.limited", rateLimit: "qr" }, async () => ({ ok: true }));

let merchant: TestMerchant;

beforeAll(async () => {
  delete process.env.UPSTASH_REDIS_REST_URL;
  process.env.REDIS_URL = REDIS_URL;
  merchant = await createTestMerchant();
});

afterAll(async () => {
  await closeRateLimitStore();
});

describe("rate-limit headers on /api/v1 responses", () => {
  it("every answer carries the limit, and the 61st call in a minute gets 429 rate_limit_exceeded with Retry-After", async () => {
    await awayFromWindowEdge(60_000);
    const { liveKey } = await createTestMerchant();
    for (let i = 1; i <= 60; i++) {
      const { status, headers } = await call(limitedRoute, { key: liveKey.key });
      expect(status).toBe(200);
      expect(headers.get("x-ratelimit-limit")).toBe("60");
      expect(headers.get("x-ratelimit-remaining")).toBe(String(60 - i));
      expect(Number(headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    }
    const { status, body, headers } = await call(limitedRoute, { key: liveKey.key });
    expect(status).toBe(429);
    expect(body.error).toBe("rate_limit_exceeded");
    expect(body.message).toMatch(/^Rate limit of 60 requests per minute for POST \/qr exceeded for this API key; resets in \d+ s$/);
    expect(headers.get("x-ratelimit-limit")).toBe("60");
    expect(headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(headers.get("access-control-allow-origin")).toBe("*");

    // Another key of the same account has its own allowance.
    expect((await call(limitedRoute, { key: merchant.liveKey.key })).status).toBe(200);
  });

  it("a request with a bad key carries the per-IP limit on its 401", async () => {
    const { status, headers } = await call(limitedRoute, {
      key: `khqr_live_${"a".repeat(32)}`,
      headers: { "x-forwarded-for": randomUUID() },
    });
    expect(status).toBe(401);
    expect(headers.get("x-ratelimit-limit")).toBe("60");
    expect(headers.get("x-ratelimit-remaining")).toBe("59");
  });

  it("the daily quota's 429 carries the quota's headers instead of the per-minute ones", async () => {
    const db = await getDb();
    await db.insert(usageDaily).values({ userId: merchant.userId, mode: "live", day: cambodiaDay(new Date()), qrCount: 100, qrLimit: 100 });
    const { status, body, headers } = await call(createQrRoute, { key: merchant.liveKey.key, body: {} });
    expect(status).toBe(429);
    expect(body.error).toBe("rate_limit_exceeded");
    expect(body.message).toMatch(/^Daily plan limit reached — upgrade to continue/);
    expect(headers.get("x-ratelimit-limit")).toBe("100");
    expect(headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(headers.get("retry-after"))).toBeLessThanOrEqual(24 * 60 * 60);

    // Test mode has its own count.
    expect((await call(createQrRoute, { key: merchant.testKey.key, body: {} })).status).toBe(200);
  });
});
