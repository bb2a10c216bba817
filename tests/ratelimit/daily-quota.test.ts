import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { PLANS, planQuota } from "@/lib/config/plans";
import { getDb } from "@/lib/db";
import { usageDaily, users } from "@/lib/db/schema";
import { createQr } from "@/lib/payments";
import { quotaErrorOf } from "@/lib/ratelimit";
import { getUsageToday } from "@/lib/accounts";
import { cambodiaDay, nextCambodiaMidnight } from "@/lib/std";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";
import type { Mode } from "@/lib/config/enums";

async function setPlanOf(userId: string, plan: string): Promise<void> {
  await (await getDb()).update(users).set({ plan }).where(eq(users.id, userId));
}

/** A merchant on `plan`; consume() creates its QRs as the API does, reading the plan as of that request. */
async function createUser(plan = "free"): Promise<TestMerchant> {
  const merchant = await createTestMerchant();
  await setPlanOf(merchant.userId, plan);
  return merchant;
}

async function setUsage(userId: string, mode: Mode, day: string, qrCount: number): Promise<void> {
  await (await getDb()).insert(usageDaily).values({ userId, mode, day, qrCount, qrLimit: qrCount });
}

async function usage(userId: string, mode: Mode, day: string): Promise<number> {
  const rows = await (
    await getDb()
  )
    .select({ qrCount: usageDaily.qrCount })
    .from(usageDaily)
    .where(and(eq(usageDaily.userId, userId), eq(usageDaily.mode, mode), eq(usageDaily.day, day)));
  return rows[0]?.qrCount ?? 0;
}

async function consume(merchant: TestMerchant, mode: Mode, now = new Date()): Promise<void> {
  // A bill number of its own, so QRs created at one frozen instant still differ (and so do their md5s).
  await createQr(merchant[mode], { amount: 1, bill_number: randomUUID().slice(0, 25) }, () => now);
}

// 23:59 on 13 May 2026 in Phnom Penh (UTC+7) is 16:59 UTC; midnight is 17:00 UTC.
const BEFORE_MIDNIGHT = new Date("2026-05-13T16:59:00Z");
const MIDNIGHT = new Date("2026-05-13T17:00:00Z");

describe("the Cambodia calendar day", () => {
  it("changes at midnight UTC+7", () => {
    expect(cambodiaDay(BEFORE_MIDNIGHT)).toBe("2026-05-13");
    expect(cambodiaDay(new Date("2026-05-13T16:59:59.999Z"))).toBe("2026-05-13");
    expect(cambodiaDay(MIDNIGHT)).toBe("2026-05-14");
    expect(cambodiaDay(new Date("2026-05-13T00:30:00Z"))).toBe("2026-05-13");
    expect(cambodiaDay(new Date("2026-12-31T17:00:00Z"))).toBe("2027-01-01");
  });

  it("next midnight is 17:00 UTC, the same day or the next", () => {
    expect(nextCambodiaMidnight(BEFORE_MIDNIGHT).toISOString()).toBe("2026-05-13T17:00:00.000Z");
    expect(nextCambodiaMidnight(MIDNIGHT).toISOString()).toBe("2026-05-14T17:00:00.000Z");
    expect(nextCambodiaMidnight(new Date("2026-02-28T20:00:00Z")).toISOString()).toBe("2026-03-01T17:00:00.000Z");
  });
});

describe("plans", () => {
  it("give live mode 100 / 2,000 / 50,000 new QRs a day and test mode a larger allowance", () => {
    expect([planQuota("free", "live"), planQuota("starter", "live"), planQuota("business", "live")]).toEqual([100, 2_000, 50_000]);
    for (const plan of Object.keys(PLANS)) expect(planQuota(plan, "test")).toBeGreaterThan(planQuota(plan, "live"));
  });

  it("give an unknown plan name the free allowance", () => {
    expect(planQuota("platinum", "live")).toBe(planQuota("free", "live"));
  });
});

describe("the daily quota's 429", () => {
  const checkViolation = { code: "23514", constraint: "usage_daily_within_quota" };
  const waitIn = (now: string) =>
    quotaErrorOf(new Error("insert failed", { cause: checkViolation }), {
      userId: randomUUID(),
      mode: "live",
      plan: "free",
      now: new Date(now),
    });

  it("says how long until midnight in Cambodia in hours, minutes or seconds", () => {
    expect(waitIn("2026-05-13T11:29:30Z")?.message).toMatch(/, in 5 h 31 min\.$/);
    expect(waitIn("2026-05-13T14:00:30Z")?.message).toMatch(/, in 3 h\.$/);
    expect(waitIn("2026-05-13T16:00:00Z")?.message).toMatch(/, in 1 h\.$/);
    expect(waitIn("2026-05-13T15:59:59Z")?.message).toMatch(/, in 1 h 1 min\.$/);
    expect(waitIn("2026-05-13T16:00:01Z")?.message).toMatch(/, in 1 h\.$/);
    expect(waitIn("2026-05-13T16:01:00Z")?.message).toMatch(/, in 59 min\.$/);
    expect(waitIn("2026-05-13T16:10:00Z")?.message).toMatch(/, in 50 min\.$/);
    expect(waitIn("2026-05-13T16:58:59Z")?.message).toMatch(/, in 2 min\.$/);
    expect(waitIn("2026-05-13T16:59:00Z")?.message).toMatch(/, in 1 min\.$/);
    expect(waitIn("2026-05-13T16:59:01Z")?.message).toMatch(/, in 59 s\.$/);
    expect(waitIn("2026-05-13T16:59:01Z")?.retryAfterSeconds).toBe(59);
  });

  it("is only for the quota's check, not another constraint or error", () => {
    const subject = { userId: randomUUID(), mode: "live" as const, plan: "free", now: new Date() };
    expect(quotaErrorOf({ code: "23514", constraint: "qr_amount_positive" }, subject)).toBeNull();
    expect(quotaErrorOf(new Error("connection reset"), subject)).toBeNull();
  });
});

describe("the daily plan quota, counted as QRs are created", () => {
  it("allows the plan's quota and then answers 429 rate_limit_exceeded with the daily limit's headers", async () => {
    const merchant = await createUser();
    const userId = merchant.userId;
    for (let i = 0; i < 100; i++) await consume(merchant, "live", BEFORE_MIDNIGHT);
    expect(await usage(userId, "live", "2026-05-13")).toBe(100);

    const error = await consume(merchant, "live", BEFORE_MIDNIGHT).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe("rate_limit_exceeded");
    expect(appError.message).toMatch(
      /^Daily plan limit reached — upgrade to continue\. The Free plan includes 100 new QR codes per day in live mode/,
    );
    expect(appError.message).toContain("midnight Cambodia time (UTC+7), in 1 min");
    expect(appError.retryAfterSeconds).toBe(60);
    expect(appError.limit).toEqual({ limit: 100, remaining: 0, resetAtMs: MIDNIGHT.getTime() });
    expect(await usage(userId, "live", "2026-05-13")).toBe(100);
  });

  it("starts again at midnight in Cambodia", async () => {
    const merchant = await createUser();
    const userId = merchant.userId;
    await setUsage(userId, "live", "2026-05-13", 100);
    await expect(consume(merchant, "live", BEFORE_MIDNIGHT)).rejects.toMatchObject({ code: "rate_limit_exceeded" });
    await consume(merchant, "live", MIDNIGHT);
    expect(await usage(userId, "live", "2026-05-14")).toBe(1);
    expect(await usage(userId, "live", "2026-05-13")).toBe(100);
  });

  it("counts live and test mode separately, each against its own quota", async () => {
    const merchant = await createUser();
    const userId = merchant.userId;
    await setUsage(userId, "live", cambodiaDay(new Date()), 100);
    await expect(consume(merchant, "live")).rejects.toMatchObject({ code: "rate_limit_exceeded" });
    await consume(merchant, "test");
    await consume(merchant, "test");
    const today = await getUsageToday(userId);
    expect(today).toMatchObject({ plan: "free", live: { used: 100, quota: 100 }, test: { used: 2, quota: planQuota("free", "test") } });
    expect(today.resetsAt).toEqual(nextCambodiaMidnight(new Date()));
  });

  it("applies the account's plan as of each request, so a change of plan takes effect at once", async () => {
    const merchant = await createUser("starter");
    const userId = merchant.userId;
    await setUsage(userId, "live", cambodiaDay(new Date()), 100);
    await consume(merchant, "live");
    expect(await usage(userId, "live", cambodiaDay(new Date()))).toBe(101);
    await setPlanOf(userId, "free");
    await expect(consume(merchant, "live")).rejects.toMatchObject({ code: "rate_limit_exceeded" });
  });

  it("does not count a replayed order_id or one refused as a conflict", async () => {
    const merchant = await createUser();
    const auth = merchant.live;
    await createQr(auth, { amount: 5, order_id: "ONCE" });
    await createQr(auth, { amount: 5, order_id: "ONCE" });
    await expect(createQr(auth, { amount: 6, order_id: "ONCE" })).rejects.toMatchObject({ code: "conflict" });
    expect(await usage(merchant.userId, "live", cambodiaDay(new Date()))).toBe(1);
  });
});

describe.skipIf(!process.env.DATABASE_URL)(
  "the daily plan quota under concurrency (PostgreSQL only: PGlite runs one query at a time)",
  () => {
    it("lets exactly 10 of 50 concurrent calls through when 10 remain", async () => {
      const merchant = await createUser();
      const userId = merchant.userId;
      const day = cambodiaDay(new Date());
      await setUsage(userId, "live", day, 90);
      const results = await Promise.allSettled(Array.from({ length: 50 }, () => consume(merchant, "live")));
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(10);
      const rejections = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
      expect(rejections.every((result) => result.reason instanceof AppError && result.reason.code === "rate_limit_exceeded")).toBe(true);
      expect(await usage(userId, "live", day)).toBe(100);
    });

    it("counts racing first calls of the day without losing one to the unique key: 150 at once on a fresh day, 100 through", async () => {
      const merchant = await createUser();
      const userId = merchant.userId;
      const results = await Promise.allSettled(Array.from({ length: 150 }, () => consume(merchant, "live")));
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(100);
      expect(await usage(userId, "live", cambodiaDay(new Date()))).toBe(100);
    });
  },
);
