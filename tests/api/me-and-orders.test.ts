import { beforeAll, describe, expect, it } from "vitest";
import { GET as meRoute } from "@/app/api/v1/me/route";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { POST as byOrderRoute } from "@/app/api/v1/transaction/by-order/route";
import { call } from "../helpers/api";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";

let merchant: TestMerchant;

beforeAll(async () => {
  merchant = await createTestMerchant();
});

describe("GET /api/v1/me", () => {
  it("returns the key's account and merchant profile", async () => {
    const { status, body } = await call(meRoute, { key: merchant.liveKey.key });
    expect(status).toBe(200);
    expect(body).toEqual({
      user_id: merchant.userId,
      mode: "live",
      plan: "free",
      quota: { qr_codes_today: 0, daily_limit: 100, resets_at: expect.stringMatching(/T17:00:00\.000Z$/) },
      merchant: { bakong_account_id: "coffee_shop@aclb", merchant_name: "Coffee Shop", merchant_city: "Phnom Penh", currency: "USD" },
    });
  });

  it("has null merchant fields until the profile is saved", async () => {
    const newcomer = await createTestMerchant(null);
    const { body } = await call(meRoute, { key: newcomer.testKey.key });
    expect(body).toMatchObject({
      user_id: newcomer.userId,
      mode: "test",
      merchant: { bakong_account_id: null, merchant_name: null, merchant_city: null, currency: null },
    });
  });

  it("counts today's QR codes of the key's mode only", async () => {
    const counted = await createTestMerchant();
    await call(createQrRoute, { key: counted.testKey.key, body: { amount: 1 } });
    await call(createQrRoute, { key: counted.testKey.key, body: { amount: 2 } });
    expect((await call(meRoute, { key: counted.testKey.key })).body.quota).toMatchObject({ qr_codes_today: 2, daily_limit: 1_000 });
    expect((await call(meRoute, { key: counted.liveKey.key })).body.quota).toMatchObject({ qr_codes_today: 0, daily_limit: 100 });
  });
});

describe("POST /api/v1/transaction/by-order", () => {
  it("returns the transaction with ISO 8601 UTC times", async () => {
    const created = await call(createQrRoute, {
      key: merchant.liveKey.key,
      body: { amount: 5, bill_number: "INV-9", order_id: "ORDER-1042" },
    });
    const { status, body } = await call(byOrderRoute, { key: merchant.liveKey.key, body: { order_id: "ORDER-1042" } });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      order_id: "ORDER-1042",
      md5: created.body.md5,
      status: "pending",
      amount: 5,
      currency: "USD",
      bill_number: "INV-9",
      paid_at: null,
      expires_at: created.body.expires_at,
    });
    expect(body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("404s for an unknown order, another mode's order and another account's order", async () => {
    await call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 5, order_id: "LIVE-ONLY" } });
    const other = await createTestMerchant();
    for (const [key, orderId] of [
      [merchant.liveKey.key, "NOPE"],
      [merchant.testKey.key, "LIVE-ONLY"],
      [other.liveKey.key, "LIVE-ONLY"],
    ] as const) {
      const { status, body } = await call(byOrderRoute, { key, body: { order_id: orderId } });
      expect(status).toBe(404);
      expect(body.error).toBe("not_found");
    }
  });

  it("rejects a missing or over-long order_id", async () => {
    for (const body of [{}, { order_id: "x".repeat(65) }, { order_id: 5 }]) {
      const answer = await call(byOrderRoute, { key: merchant.liveKey.key, body });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe("invalid_input");
    }
  });
});
