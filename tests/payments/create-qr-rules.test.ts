import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { readAccount } from "@/lib/accounts";
import { getDb } from "@/lib/db";
import { sandboxPayments, transactions } from "@/lib/db/schema";
import { decodeKhqr, encodeKhqr } from "@/lib/khqr";
import { AccountChangedError } from "@/lib/keys";
import { khqrAccountFields, saveMerchantProfile } from "@/lib/merchants";
import { createQr, isPublicId, normalizeAmount, simulatePayment } from "@/lib/payments";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { POST as checkRoute } from "@/app/api/v1/transaction/check/route";
import { call } from "../helpers/api";
import { transactionCount } from "../helpers/db";
import { createTestMerchant, DEFAULT_PROFILE, type TestMerchant } from "../helpers/merchant";

let merchant: TestMerchant;

beforeAll(async () => {
  merchant = await createTestMerchant();
});

const CONFLICT_ADVICE = "Send the same parameters to get the original QR back, or use a new order_id for a new payment.";

async function sandboxPaymentRows(md5: string) {
  const db = await getDb();
  return db.select().from(sandboxPayments).where(eq(sandboxPayments.md5, md5));
}

describe("createQr refusals", () => {
  it("tells a merchant without a profile where to save it, and writes nothing", async () => {
    const newcomer = await createTestMerchant(null);
    await expect(createQr(newcomer.live, { amount: 5 })).rejects.toMatchObject({
      code: "merchant_not_configured",
      message: "Save your Bakong account ID and merchant name in the dashboard (Settings → Merchant profile) before creating QR codes.",
    });
    expect(await transactionCount(newcomer.userId)).toBe(0);
  });

  it("answers invalid_input with KHQR's reason for a field the QR cannot carry, and writes nothing", async () => {
    const own = await createTestMerchant();
    await expect(createQr(own.live, { amount: 5, bill_number: "B".repeat(26) })).rejects.toMatchObject({
      code: "invalid_input",
      message: "billNumber must be at most 25 characters",
    });
    expect(await transactionCount(own.userId)).toBe(0);
  });

  it("refuses with AccountChangedError, writing nothing, when the profile changed after the account was read", async () => {
    const own = await createTestMerchant();
    const stale = await readAccount(own.userId);
    await saveMerchantProfile(own.userId, { ...DEFAULT_PROFILE, merchantName: "Renamed Shop" });
    await expect(createQr({ ...own.live, account: stale }, { amount: 5 })).rejects.toBeInstanceOf(AccountChangedError);
    expect(await transactionCount(own.userId)).toBe(0);
  });
});

describe("order_id replays and conflicts", () => {
  it("a different terminal_label is a conflict naming it, not a replay", async () => {
    await createQr(merchant.live, { amount: 5, terminal_label: "T1", order_id: "TERM-1" });
    const conflict = await call(createQrRoute, {
      key: merchant.liveKey.key,
      body: { amount: 5, terminal_label: "T2", order_id: "TERM-1" },
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.message).toBe(`order_id "TERM-1" was already used with different parameters (terminal_label). ${CONFLICT_ADVICE}`);
  });

  it("a different store_label is a conflict naming it, not a replay", async () => {
    await createQr(merchant.live, { amount: 5, store_label: "North", order_id: "STORE-1" });
    await expect(createQr(merchant.live, { amount: 5, store_label: "South", order_id: "STORE-1" })).rejects.toMatchObject({
      code: "conflict",
      message: `order_id "STORE-1" was already used with different parameters (store_label). ${CONFLICT_ADVICE}`,
    });
  });

  it("compares a stored KHR amount by value, so only the field that really differs is named", async () => {
    await createQr(merchant.live, { amount: 10000, currency: "KHR", bill_number: "A", order_id: "KHR-BY-VALUE" });
    const conflict = await call(createQrRoute, {
      key: merchant.liveKey.key,
      body: { amount: 10000, currency: "KHR", bill_number: "B", order_id: "KHR-BY-VALUE" },
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.message).toBe(
      `order_id "KHR-BY-VALUE" was already used with different parameters (bill_number). ${CONFLICT_ADVICE}`,
    );
  });

  it("an order stored under another fingerprint conflicts without naming fields when every field matches", async () => {
    const own = await createTestMerchant();
    await createQr(own.live, { amount: 5, order_id: "OLD-PRINT" });
    const db = await getDb();
    // As a row written before the fingerprint's inputs changed would look.
    await db
      .update(transactions)
      .set({ requestFingerprint: "0".repeat(64) })
      .where(and(eq(transactions.userId, own.userId), eq(transactions.orderId, "OLD-PRINT")));
    await expect(createQr(own.live, { amount: 5, order_id: "OLD-PRINT" })).rejects.toMatchObject({
      code: "conflict",
      message: `order_id "OLD-PRINT" was already used with different parameters. ${CONFLICT_ADVICE}`,
    });
    expect(await transactionCount(own.userId)).toBe(1);
  });

  it("two orders with identical fields made in the same millisecond are both created, each with its own md5", async () => {
    const own = await createTestMerchant();
    const instant = new Date();
    const first = await createQr(own.test, { amount: 4, order_id: "SAME-MS-1" }, () => instant);
    const second = await createQr(own.test, { amount: 4, order_id: "SAME-MS-2" }, () => instant);
    expect(second).toMatchObject({ order_id: "SAME-MS-2", idempotent_replay: false, status: "pending" });
    expect(second.md5).not.toBe(first.md5);
    expect(await transactionCount(own.userId)).toBe(2);
  });
});

describe("md5 collisions", () => {
  it("a retry after a collision dates the QR later within the next second, and expires it from that time", async () => {
    const own = await createTestMerchant();
    const instant = new Date(Date.now() - 10_000);
    const first = await createQr(own.test, { amount: 2 }, () => instant);
    const retried = await createQr(own.test, { amount: 2 }, () => instant);
    expect(decodeKhqr(first.qr).createdAtMs).toBe(instant.getTime());
    const createdAtMs = decodeKhqr(retried.qr).createdAtMs!;
    expect(createdAtMs).toBeGreaterThan(instant.getTime());
    expect(createdAtMs).toBeLessThan(instant.getTime() + 1000);
    expect(Date.parse(retried.expires_at!)).toBe(createdAtMs + 900_000);
  });

  it("gives up after five attempts when every millisecond it could move to is taken, writing nothing", async () => {
    const own = await createTestMerchant();
    const { profile } = await readAccount(own.userId);
    const start = Date.now() - 60_000;
    // The md5 of the same 3 USD QR made at each millisecond a retry can pick.
    const taken = Array.from({ length: 1000 }, (_, offset) => {
      const createdAtMs = start + offset;
      const encoded = encodeKhqr({
        ...khqrAccountFields(profile!),
        currency: "USD",
        amount: normalizeAmount(3, "USD")!,
        createdAtMs,
        expiresAtMs: createdAtMs + 900_000,
      });
      return {
        id: randomUUID(),
        userId: own.userId,
        mode: "test" as const,
        md5: encoded.md5,
        qr: encoded.qr,
        isStatic: false,
        amount: "3.00",
        currency: "USD" as const,
        toAccountId: profile!.bakongAccountId,
        requestFingerprint: "taken",
        status: "pending" as const,
        expiresAt: new Date(createdAtMs + 900_000),
        createdAt: new Date(createdAtMs),
      };
    });
    const db = await getDb();
    await db.insert(transactions).values(taken);

    let attempts = 0;
    const now = () => {
      // A runaway retry loop fails here instead of running forever.
      if (++attempts > 10) throw new Error("more than ten attempts");
      return new Date(start);
    };
    await expect(createQr(own.test, { amount: 3 }, now)).rejects.toThrow("could not create a QR with a unique md5");
    expect(attempts).toBe(5);
    expect(await transactionCount(own.userId)).toBe(1000);
  });
});

describe("simulatePayment", () => {
  it("refuses a live scope, telling who pays live QRs", async () => {
    const qr = await createQr(merchant.live, { amount: 5 });
    await expect(simulatePayment(merchant.live, { md5: qr.md5 })).rejects.toMatchObject({
      code: "forbidden",
      message: "Sandbox payments need a test key (khqr_test_…); live QRs are paid by real customers only.",
    });
    expect(await sandboxPaymentRows(qr.md5)).toHaveLength(0);
  });

  it("puts the amount error of a dynamic QR next to the amount field", async () => {
    const qr = await createQr(merchant.test, { amount: 5 });
    await expect(simulatePayment(merchant.test, { md5: qr.md5, amount: 5 })).rejects.toMatchObject({
      code: "invalid_input",
      field: "amount",
    });
  });

  it("puts the missing amount of a static QR next to the amount field", async () => {
    const qr = await createQr(merchant.test, { currency: "KHR" });
    await expect(simulatePayment(merchant.test, { md5: qr.md5 })).rejects.toMatchObject({
      code: "invalid_input",
      message: "amount is required to pay a static QR: the customer types it into their bank app.",
      field: "amount",
    });
  });

  it("records payments as made by the sandbox payer, to the merchant's account", async () => {
    const own = await createTestMerchant();
    const dynamic = await createQr(own.test, { amount: 5 });
    await simulatePayment(own.test, { md5: dynamic.md5 });
    const [row] = await sandboxPaymentRows(dynamic.md5);
    expect(row).toMatchObject({ fromAccountId: "sandbox_payer@khqr", toAccountId: "coffee_shop@aclb", amount: "5.00", currency: "USD" });

    const fixed = await createQr(own.test, {});
    const paid = await simulatePayment(own.test, { md5: fixed.md5, amount: "2.5" });
    const db = await getDb();
    const [receipt] = await db.select().from(sandboxPayments).where(eq(sandboxPayments.hash, paid.hash));
    expect(receipt).toMatchObject({ md5: null, fromAccountId: "sandbox_payer@khqr", amount: "2.50" });
    // The short hash is what a customer's receipt shows.
    expect(paid.short_hash).toBe(paid.hash.slice(0, 8));
    expect(paid.hash).toHaveLength(64);
  });

  it("pays a dynamic QR up to the millisecond before it expires, and refuses it at expires_at", async () => {
    const created = new Date(Date.now() - 5_000);
    const payable = await createQr(merchant.test, { amount: 6, expires_in_seconds: 60 }, () => created);
    const lastMs = new Date(Date.parse(payable.expires_at!) - 1);
    const paid = await simulatePayment(merchant.test, { md5: payable.md5 }, lastMs);
    expect(paid).toMatchObject({ md5: payable.md5, type: "dynamic", amount: 6, paid_at: lastMs.toISOString() });

    const late = await createQr(merchant.test, { amount: 7, expires_in_seconds: 60 }, () => created);
    await expect(simulatePayment(merchant.test, { md5: late.md5 }, new Date(late.expires_at!))).rejects.toMatchObject({
      code: "conflict",
      message: `This QR expired at ${late.expires_at} and stays expired: create a new QR to pay.`,
    });
    expect(await sandboxPaymentRows(late.md5)).toHaveLength(0);
  });

  it("paying a paid QR again after its expiry answers the original payment", async () => {
    const qr = await createQr(merchant.test, { amount: 8, expires_in_seconds: 60 });
    const first = await simulatePayment(merchant.test, { md5: qr.md5 });
    const check = await call(checkRoute, { key: merchant.testKey.key, body: { md5: qr.md5 } });
    expect(check.body.status).toBe("paid");
    const again = await simulatePayment(merchant.test, { md5: qr.md5 }, new Date(Date.parse(qr.expires_at!) + 3_600_000));
    expect(again).toEqual(first);
    expect(await sandboxPaymentRows(qr.md5)).toHaveLength(1);
  });
});

describe("isPublicId", () => {
  const id = "0123456789abcdef".repeat(4);

  it("accepts exactly 64 lowercase hex characters, as a pay URL carries them", () => {
    expect(isPublicId(id)).toBe(true);
  });

  it.each([
    ["a prefix before the id", `x${id}`],
    ["a suffix after the id", `${id}x`],
    ["a longer hex string", `${id}0`],
    ["uppercase hex", id.toUpperCase()],
    ["a shorter id", id.slice(1)],
  ])("rejects %s", (_, value) => {
    expect(isPublicId(value)).toBe(false);
  });
});
