import { beforeAll, describe, expect, it } from "vitest";
import { decodeKhqr, verifyKhqr } from "@/lib/khqr";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { createQr } from "@/lib/payments";
import { call } from "../helpers/api";
import { transactionCount } from "../helpers/db";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";

let merchant: TestMerchant;

beforeAll(async () => {
  merchant = await createTestMerchant();
});

describe("POST /api/v1/qr", () => {
  it("creates a dynamic USD QR that decodes to exactly what was asked", async () => {
    const before = Date.now();
    const { status, body, headers } = await call(createQrRoute, {
      key: merchant.liveKey.key,
      body: { amount: 5.25, currency: "USD", bill_number: "INV-001", store_label: "Main", terminal_label: "T1", order_id: "ORDER-1" },
    });
    expect(status).toBe(200);
    expect(headers.get("x-request-id")).toMatch(/^req_[0-9a-f]{32}$/);
    expect(body).toMatchObject({ currency: "USD", amount: 5.25, order_id: "ORDER-1", status: "pending", idempotent_replay: false });
    const decoded = decodeKhqr(body.qr as string);
    expect(decoded).toMatchObject({
      pointOfInitiation: "dynamic",
      type: "individual",
      bakongAccountId: "coffee_shop@aclb",
      merchantName: "Coffee Shop",
      currency: "USD",
      amount: "5.25",
      billNumber: "INV-001",
      storeLabel: "Main",
      terminalLabel: "T1",
    });
    expect(body.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(verifyKhqr(body.qr as string).valid).toBe(true);
    const expiresAt = Date.parse(body.expires_at as string);
    expect(decoded.expiresAtMs).toBe(expiresAt);
    expect(expiresAt - decoded.createdAtMs!).toBe(900_000);
    expect(decoded.createdAtMs!).toBeGreaterThanOrEqual(before);
  });

  it("omitted or zero amount gives a static reusable QR with no expiry", async () => {
    for (const body of [{}, { amount: 0 }, { amount: "0" }]) {
      const response = await call(createQrRoute, { key: merchant.liveKey.key, body });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ amount: null, expires_at: null, currency: "USD" });
      const decoded = decodeKhqr(response.body.qr as string);
      expect(decoded.pointOfInitiation).toBe("static");
      expect(decoded.amount).toBeUndefined();
    }
  });

  it("accepts a numeric string, whole KHR, and custom expiry", async () => {
    const usd = await call(createQrRoute, { key: merchant.liveKey.key, body: { amount: "1.5" } });
    expect(usd.body.amount).toBe(1.5);
    expect(decodeKhqr(usd.body.qr as string).amount).toBe("1.50");
    const khr = await call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 10000, currency: "KHR", expires_in_seconds: 30 } });
    expect(khr.status).toBe(200);
    expect(khr.body).toMatchObject({ currency: "KHR", amount: 10000 });
    const decoded = decodeKhqr(khr.body.qr as string);
    expect(decoded.currency).toBe("KHR");
    expect(decoded.expiresAtMs! - decoded.createdAtMs!).toBe(30_000);
  });

  it("uses the merchant (tag 30) account when a merchant id and acquiring bank are saved", async () => {
    const company = await createTestMerchant({
      bakongAccountId: "shop@devb",
      merchantName: "Shop Co",
      currency: "KHR",
      merchantId: "123456",
      acquiringBank: "Dev Bank",
    });
    const { body } = await call(createQrRoute, { key: company.liveKey.key, body: { amount: 5000 } });
    expect(body.qr).toContain("30350009shop@devb01061234560208Dev Bank");
    expect(decodeKhqr(body.qr as string)).toMatchObject({
      type: "merchant",
      merchantId: "123456",
      acquiringBank: "Dev Bank",
      currency: "KHR",
    });
  });

  it("two identical requests without order_id in the same instant still get distinct md5s", async () => {
    const [a, b] = await Promise.all([
      call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 7 } }),
      call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 7 } }),
    ]);
    expect(a?.status).toBe(200);
    expect(b?.status).toBe(200);
    expect(a?.body.md5).not.toBe(b?.body.md5);
  });

  it("twenty identical QRs made at one frozen instant are all created, each with its own md5", async () => {
    const instant = new Date();
    const made = await Promise.all(Array.from({ length: 20 }, () => createQr(merchant.test, { amount: 3 }, () => instant)));
    expect(new Set(made.map((qr) => qr.md5)).size).toBe(20);
    expect(made.every((qr) => verifyKhqr(qr.qr))).toBe(true);
  });

  it("answers 400 merchant_not_configured before a profile is saved, and writes nothing", async () => {
    const newcomer = await createTestMerchant(null);
    const { status, body } = await call(createQrRoute, { key: newcomer.liveKey.key, body: { amount: 5 } });
    expect(status).toBe(400);
    expect(body.error).toBe("merchant_not_configured");
    expect(await transactionCount(newcomer.userId)).toBe(0);
  });
});

describe("idempotency with order_id", () => {
  it("replays the original QR for the same parameters, even with defaults spelled out", async () => {
    const first = await call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 5, order_id: "IDEM-1" } });
    const again = await call(createQrRoute, {
      key: merchant.liveKey.key,
      body: { amount: "5.00", currency: "USD", expires_in_seconds: 900, order_id: "IDEM-1" },
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ qr: first.body.qr, md5: first.body.md5, idempotent_replay: true });
  });

  it("answers 409 conflict for the same order_id with different parameters, writing nothing", async () => {
    await call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 5, order_id: "IDEM-2" } });
    const before = await transactionCount(merchant.userId);
    const conflict = await call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 6, order_id: "IDEM-2" } });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toBe("conflict");
    expect(conflict.body.message).toBe(
      'order_id "IDEM-2" was already used with different parameters (amount). ' +
        "Send the same parameters to get the original QR back, or use a new order_id for a new payment.",
    );
    expect(await transactionCount(merchant.userId)).toBe(before);
  });

  it("names every differing field in the 409, comparing amounts by value", async () => {
    await call(createQrRoute, {
      key: merchant.liveKey.key,
      body: { amount: 5, bill_number: "A", expires_in_seconds: 60, order_id: "IDEM-3" },
    });
    const conflict = await call(createQrRoute, {
      key: merchant.liveKey.key,
      body: { amount: "5.00", store_label: "B", expires_in_seconds: 120, order_id: "IDEM-3" },
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.message).toContain("(bill_number, store_label, expires_in_seconds)");
  });

  it("keeps live and test order_ids apart", async () => {
    const live = await call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 5, order_id: "BOTH-MODES" } });
    const test = await call(createQrRoute, { key: merchant.testKey.key, body: { amount: 9, order_id: "BOTH-MODES" } });
    expect(live.status).toBe(200);
    expect(test.status).toBe(200);
    expect(test.body.idempotent_replay).toBe(false);
    expect(test.body.md5).not.toBe(live.body.md5);
  });
});
