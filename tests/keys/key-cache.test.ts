import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { withApi } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/db";
import { apiKeys, usageDaily } from "@/lib/db/schema";
import { revokeApiKey } from "@/lib/keys";
import { decodeKhqr } from "@/lib/khqr";
import { saveMerchantProfile } from "@/lib/merchants";
import { setPlan } from "@/lib/accounts";
import { cambodiaDay } from "@/lib/std";
import { planQuota } from "@/lib/config/plans";
import { createQr, createQrRequest } from "@/lib/payments";
import { call } from "../helpers/api";
import { eventCount, transactionCount } from "../helpers/db";
import { createTestMerchant, DEFAULT_PROFILE } from "../helpers/merchant";

// A route whose handler re-checks the key, refusing every request it gets: counts how often the handler runs.
function refusingRoute() {
  const route = {
    runs: 0,
    handler: withApi({ route: "test.refuse", rateLimit: "general", handlerRechecksKey: true }, async () => {
      route.runs += 1;
      throw new AppError("invalid_input", "refused");
    }),
  };
  return route;
}

// POST /qr remembers a key it has looked up and checks it again inside the statement that writes the QR.
// Each test first creates a QR, so the key is remembered, then changes the key or its account behind the
// app's back, as the dashboard or another server would.
const createQrWith = (key: string, body: Record<string, unknown> = { amount: 5 }) => call(createQrRoute, { key, body });

afterEach(() => {
  vi.useRealTimers();
});

describe("POST /api/v1/qr with a key it has seen before", () => {
  it("refuses a key revoked since: 403 forbidden, nothing written", async () => {
    const merchant = await createTestMerchant();
    expect((await createQrWith(merchant.liveKey.key)).status).toBe(200);
    await revokeApiKey(merchant.userId, merchant.liveKey.id);
    const { status, body } = await createQrWith(merchant.liveKey.key);
    expect(status).toBe(403);
    expect(body.error).toBe("forbidden");
    expect(await transactionCount(merchant.userId)).toBe(1);
    expect(await eventCount(merchant.userId)).toBe(1);
  });

  it("encodes the profile as saved since, not as it was when the key was first seen", async () => {
    const merchant = await createTestMerchant();
    expect((await createQrWith(merchant.liveKey.key)).status).toBe(200);
    await saveMerchantProfile(merchant.userId, { ...DEFAULT_PROFILE, bakongAccountId: "new_till@wing", merchantName: "New Till" });
    const { status, body } = await createQrWith(merchant.liveKey.key);
    expect(status).toBe(200);
    expect(decodeKhqr(body.qr as string)).toMatchObject({ bakongAccountId: "new_till@wing", merchantName: "New Till" });
  });

  it("applies a profile saved since the key was seen without one", async () => {
    const merchant = await createTestMerchant(null);
    expect((await createQrWith(merchant.liveKey.key)).body.error).toBe("merchant_not_configured");
    await saveMerchantProfile(merchant.userId, DEFAULT_PROFILE);
    const { status, body } = await createQrWith(merchant.liveKey.key);
    expect(status).toBe(200);
    expect(decodeKhqr(body.qr as string)).toMatchObject({ bakongAccountId: DEFAULT_PROFILE.bakongAccountId });
  });

  it("counts against the plan as changed since: a downgrade past today's usage is 429, nothing written", async () => {
    const merchant = await createTestMerchant();
    await setPlan(merchant.email, "starter");
    expect((await createQrWith(merchant.liveKey.key)).status).toBe(200);
    const db = await getDb();
    await db
      .update(usageDaily)
      .set({ qrCount: planQuota("free", "live"), qrLimit: planQuota("starter", "live") })
      .where(eq(usageDaily.userId, merchant.userId));
    await setPlan(merchant.email, "free");
    const { status, body } = await createQrWith(merchant.liveKey.key);
    expect(status).toBe(429);
    expect(body.error).toBe("rate_limit_exceeded");
    expect(await transactionCount(merchant.userId)).toBe(1);
    const [usage] = await db.select().from(usageDaily).where(eq(usageDaily.userId, merchant.userId));
    expect(usage).toMatchObject({ day: cambodiaDay(new Date()), qrCount: planQuota("free", "live") });
  });

  it("still records last_used_at once a minute", async () => {
    const merchant = await createTestMerchant();
    const db = await getDb();
    const lastUsedAt = async () =>
      (await db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, merchant.liveKey.id)))[0]?.at;
    expect((await createQrWith(merchant.liveKey.key)).status).toBe(200);
    const longAgo = new Date(Date.now() - 3_600_000);
    await db.update(apiKeys).set({ lastUsedAt: longAgo }).where(eq(apiKeys.id, merchant.liveKey.id));
    expect((await createQrWith(merchant.liveKey.key)).status).toBe(200);
    expect(await lastUsedAt()).toEqual(longAgo);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61_000 });
    expect((await createQrWith(merchant.liveKey.key)).status).toBe(200);
    expect((await lastUsedAt())!.getTime()).toBeGreaterThan(longAgo.getTime());
  });

  it("runs a refusing handler once for a cached key whose account is unchanged, and again after a fresh lookup when it changed", async () => {
    const merchant = await createTestMerchant();
    const route = refusingRoute();
    expect((await call(route.handler, { key: merchant.liveKey.key })).status).toBe(400);
    expect(route.runs).toBe(1);
    expect((await call(route.handler, { key: merchant.liveKey.key })).body).toEqual({ error: "invalid_input", message: "refused" });
    expect(route.runs).toBe(2);

    await saveMerchantProfile(merchant.userId, { ...DEFAULT_PROFILE, merchantName: "Renamed Shop" });
    expect((await call(route.handler, { key: merchant.liveKey.key })).status).toBe(400);
    expect(route.runs).toBe(4);
  });
});

describe("POST /api/v1/qr when the key or account changes between a fresh lookup and the insert", () => {
  // The real wrapper and createQr; the change happens after withApi's uncached lookup and before the write.
  function changingRoute(change: () => Promise<unknown>) {
    let changed = false;
    return withApi({ route: "test.qr", rateLimit: "qr", body: createQrRequest, handlerRechecksKey: true }, async ({ auth, body }) => {
      if (!changed) {
        changed = true;
        await change();
      }
      return createQr(auth, body);
    });
  }

  it("a key revoked in between: 403 forbidden, not 500, nothing written", async () => {
    const merchant = await createTestMerchant();
    const route = changingRoute(() => revokeApiKey(merchant.userId, merchant.liveKey.id));
    const { status, body } = await call(route, { key: merchant.liveKey.key, body: { amount: 5 } });
    expect(status).toBe(403);
    expect(body.error).toBe("forbidden");
    expect(await transactionCount(merchant.userId)).toBe(0);
    expect(await eventCount(merchant.userId)).toBe(0);
  });

  it("a profile changed in between: retried once on the new profile, 200", async () => {
    const merchant = await createTestMerchant();
    const route = changingRoute(() => saveMerchantProfile(merchant.userId, { ...DEFAULT_PROFILE, merchantName: "Renamed Shop" }));
    const { status, body } = await call(route, { key: merchant.liveKey.key, body: { amount: 5 } });
    expect(status).toBe(200);
    expect(decodeKhqr(body.qr as string)).toMatchObject({ merchantName: "Renamed Shop" });
    expect(await transactionCount(merchant.userId)).toBe(1);
  });
});
