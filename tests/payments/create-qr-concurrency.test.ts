import { describe, expect, it } from "vitest";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { call } from "../helpers/api";
import { getDb } from "@/lib/db";
import { usageDaily } from "@/lib/db/schema";
import { getUsageToday } from "@/lib/accounts";
import { cambodiaDay } from "@/lib/std";
import { eventCount, transactionCount } from "../helpers/db";
import { createTestMerchant } from "../helpers/merchant";

// PGlite is a single connection, so requests cannot truly race there; this runs on the PostgreSQL server (CI).
describe.skipIf(!process.env.DATABASE_URL)("concurrent idempotent requests (PostgreSQL only; skipped on embedded PGlite)", () => {
  it("twenty identical requests with one new order_id create exactly one transaction", async () => {
    const merchant = await createTestMerchant();
    const body = { amount: 5, bill_number: "INV-RACE", order_id: "RACE-1" };
    const answers = await Promise.all(Array.from({ length: 20 }, () => call(createQrRoute, { key: merchant.liveKey.key, body })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((answer) => answer.body.md5)).size).toBe(1);
    expect(answers.filter((answer) => answer.body.idempotent_replay === false)).toHaveLength(1);
    expect(await transactionCount(merchant.userId)).toBe(1);
    expect(await eventCount(merchant.userId)).toBe(1);
    expect((await getUsageToday(merchant.userId)).live.used).toBe(1);
  });

  it("twenty new QRs at once with five left in the day's quota: five created, fifteen 429, the count stops at the quota", async () => {
    const merchant = await createTestMerchant();
    const db = await getDb();
    await db.insert(usageDaily).values({ userId: merchant.userId, mode: "live", day: cambodiaDay(new Date()), qrCount: 95, qrLimit: 100 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 5, order_id: `QUOTA-${i}` } })),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(5);
    expect(answers.filter((answer) => answer.status === 429 && answer.body.error === "rate_limit_exceeded")).toHaveLength(15);
    expect(await transactionCount(merchant.userId)).toBe(5);
    expect(await eventCount(merchant.userId)).toBe(5);
    expect((await getUsageToday(merchant.userId)).live.used).toBe(100);
  });
});
