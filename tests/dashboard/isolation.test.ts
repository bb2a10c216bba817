import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { getDb } from "@/lib/db";
import { apiKeys, transactions } from "@/lib/db/schema";
import { transactionsCsv } from "@/lib/dashboard/transactions-csv";
import { gettingStarted, todayStats } from "@/lib/dashboard/overview";
import { getPublicPayment, getPublicPaymentStatus } from "@/lib/dashboard/public-payment";
import { simulateDashboardPayment } from "@/lib/dashboard/simulate";
import { buildTimeline } from "@/lib/dashboard/timeline";
import { getTransactionDetail } from "@/lib/dashboard/transaction-detail";
import { revokeApiKey, rollApiKey } from "@/lib/keys";
import { call } from "../helpers/api";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";
import { insertTransaction } from "./seed";

let alice: TestMerchant;
let mallory: TestMerchant;
let aliceTx: { id: string; md5: string; publicId: string };

async function createTestQr(merchant: TestMerchant, body: Record<string, unknown>) {
  const response = await call(createQrRoute, { key: merchant.testKey.key, body });
  expect(response.status).toBe(200);
  const md5 = String(response.body.md5);
  const db = await getDb();
  const [row] = await db
    .select({ id: transactions.id, publicId: transactions.publicId })
    .from(transactions)
    .where(eq(transactions.md5, md5));
  return { id: row!.id, md5, publicId: row!.publicId, qr: String(response.body.qr) };
}

beforeAll(async () => {
  alice = await createTestMerchant();
  mallory = await createTestMerchant({
    bakongAccountId: "mallory@wing",
    merchantName: "Mallory",
    merchantCity: "Siem Reap",
    currency: "KHR",
  });
  aliceTx = await createTestQr(alice, { amount: 12.5, currency: "USD", order_id: "ALICE-1", bill_number: "INV-9" });
});

describe("another merchant's ids lead nowhere", () => {
  it("transaction detail", async () => {
    expect(await getTransactionDetail(alice.userId, aliceTx.id)).not.toBeNull();
    expect(await getTransactionDetail(mallory.userId, aliceTx.id)).toBeNull();
    expect(await getTransactionDetail(mallory.userId, "not-a-uuid")).toBeNull();
  });

  it("simulate payment", async () => {
    await expect(simulateDashboardPayment(mallory.userId, aliceTx.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await getTransactionDetail(alice.userId, aliceTx.id))!.transaction.status).toBe("pending");
  });

  it("API key roll and revoke", async () => {
    expect(await revokeApiKey(mallory.userId, alice.testKey.id)).toBe(false);
    expect(await rollApiKey(mallory.userId, alice.testKey.id)).toBeNull();
    const db = await getDb();
    const [key] = await db.select({ revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.id, alice.testKey.id));
    expect(key!.revokedAt).toBeNull();
  });

  it("CSV export and overview", async () => {
    let csv = "";
    for await (const line of transactionsCsv(mallory.userId, { mode: "test" })) csv += line;
    expect(csv.trim().split("\r\n")).toHaveLength(1);
    expect((await todayStats(mallory.userId, "test")).created).toBe(0);
    expect((await gettingStarted(mallory.userId)).firstQr).toBe(false);
  });
});

describe("simulate payment from the dashboard", () => {
  it("pays a pending test transaction through the normal settlement path", async () => {
    const tx = await createTestQr(alice, { amount: 3, currency: "USD" });
    expect(await simulateDashboardPayment(alice.userId, tx.id)).toBe("paid");
    const detail = (await getTransactionDetail(alice.userId, tx.id))!;
    expect(detail.transaction.status).toBe("paid");
    expect(detail.transaction.paidAt).not.toBeNull();
    expect(detail.events.map((event) => event.kind)).toEqual(["created", "paid"]);
    expect(buildTimeline(detail).map((item) => [item.key, item.count])).toEqual([
      ["created", undefined],
      ["paid", undefined],
      ["checks", 1],
    ]);
    expect((await getPublicPaymentStatus(tx.publicId))?.status).toBe("paid");
    const stats = await todayStats(alice.userId, "test");
    expect(stats.paid).toBeGreaterThanOrEqual(1);
    expect(stats.collected).toContainEqual({ currency: "USD", amount: "3.00" });
  });

  it("works after every test key was revoked, and refuses live transactions", async () => {
    const merchant = await createTestMerchant();
    const tx = await createTestQr(merchant, { amount: 1 });
    await revokeApiKey(merchant.userId, merchant.testKey.id);
    expect(await simulateDashboardPayment(merchant.userId, tx.id)).toBe("paid");
    const live = await insertTransaction(merchant.userId, { mode: "live" });
    await expect(simulateDashboardPayment(merchant.userId, live.id)).rejects.toThrow(/test-mode/);
  });
});

describe("public payment page data", () => {
  it("shows the QR and what it charges, nothing about the account", async () => {
    const payment = await getPublicPayment(aliceTx.publicId);
    expect(payment).toMatchObject({
      md5: aliceTx.md5,
      publicId: aliceTx.publicId,
      mode: "test",
      amount: "12.50",
      currency: "USD",
      merchantName: "Coffee Shop",
      billNumber: "INV-9",
    });
    expect(Object.keys(payment!.status).sort()).toEqual(["expires_at", "paid_at", "status"]);
    expect(JSON.stringify(payment)).not.toContain(alice.userId);
    expect(await getPublicPayment("0".repeat(64))).toBeNull();
    expect(await getPublicPayment(aliceTx.publicId.toUpperCase())).toBeNull();
    expect(await getPublicPayment("../../etc/passwd")).toBeNull();
  });
});
