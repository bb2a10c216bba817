import { describe, expect, it } from "vitest";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { POST as byOrderRoute } from "@/app/api/v1/transaction/by-order/route";
import { call } from "../helpers/api";
import { eventCount, transactionCount } from "../helpers/db";
import { createTestMerchant } from "../helpers/merchant";
import { getDb } from "@/lib/db";
import { usageDaily } from "@/lib/db/schema";
import { getUsageToday } from "@/lib/accounts";
import { cambodiaDay } from "@/lib/std";
import { awayFromWindowEdge } from "../ratelimit/helpers";

describe("per-key rate limits through the real /api/v1 routes", () => {
  it("the 61st POST /qr in a minute is 429 with limit headers and Retry-After, and writes nothing", async () => {
    const merchant = await createTestMerchant();
    await awayFromWindowEdge(60_000, 25_000);
    const answers = [];
    for (let i = 0; i < 60; i++) answers.push(await call(createQrRoute, { key: merchant.testKey.key, body: {} }));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(answers[0]?.headers.get("x-ratelimit-limit")).toBe("60");
    expect(answers[0]?.headers.get("x-ratelimit-remaining")).toBe("59");
    expect(Number(answers[0]?.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    const before = await transactionCount(merchant.userId);
    const denied = await call(createQrRoute, { key: merchant.testKey.key, body: { amount: 5 } });
    expect(denied.status).toBe(429);
    expect(denied.body.error).toBe("rate_limit_exceeded");
    expect(denied.body.message).toMatch(/60 requests per minute/);
    expect(denied.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(denied.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await transactionCount(merchant.userId)).toBe(before);

    // Another route, and another key of the same account, have budgets of their own.
    expect((await call(byOrderRoute, { key: merchant.testKey.key, body: { order_id: "none" } })).status).toBe(404);
    expect((await call(createQrRoute, { key: merchant.liveKey.key, body: {} })).status).toBe(200);
  });

  it("idempotent replays do not count against the daily plan quota", async () => {
    const merchant = await createTestMerchant();
    for (let i = 0; i < 3; i++) {
      const answer = await call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 5, order_id: "REPLAY-ME" } });
      expect(answer.status).toBe(200);
    }
    const usage = await getUsageToday(merchant.userId);
    expect(usage.live.used).toBe(1);
    expect(usage.test.used).toBe(0);
  });

  it("POST /qr past the daily plan quota is 429 and writes nothing: no transaction, no event, no count", async () => {
    const merchant = await createTestMerchant();
    const db = await getDb();
    await db.insert(usageDaily).values({ userId: merchant.userId, mode: "live", day: cambodiaDay(new Date()), qrCount: 100, qrLimit: 100 });
    const denied = await call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 5, order_id: "OVER-QUOTA" } });
    expect(denied.status).toBe(429);
    expect(denied.body.error).toBe("rate_limit_exceeded");
    expect(denied.body.message).toMatch(/^Daily plan limit reached — upgrade to continue/);
    expect(denied.headers.get("x-ratelimit-limit")).toBe("100");
    expect(Number(denied.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await transactionCount(merchant.userId)).toBe(0);
    expect(await eventCount(merchant.userId)).toBe(0);
    expect((await getUsageToday(merchant.userId)).live.used).toBe(100);
    // The order_id was not taken by the refused request, and test mode has its own quota.
    expect((await call(createQrRoute, { key: merchant.testKey.key, body: { amount: 5, order_id: "OVER-QUOTA" } })).status).toBe(200);
  });
});
