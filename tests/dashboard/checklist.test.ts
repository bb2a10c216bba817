import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { gettingStarted } from "@/lib/dashboard/overview";
import { getDb } from "@/lib/db";
import { transactions, users, type Transaction } from "@/lib/db/schema";
import { createQr, settleWithBakongResult } from "@/lib/payments";
import { createWebhookEndpoint } from "@/lib/webhooks";
import { bakongFound } from "../helpers/bakong-answers";
import { createTestMerchant } from "../helpers/merchant";

async function pendingQr(merchant: Awaited<ReturnType<typeof createTestMerchant>>): Promise<Transaction> {
  const qr = await createQr(merchant.test, { amount: 5, currency: "USD", bill_number: `INV-${randomBytes(4).toString("hex")}` });
  const db = await getDb();
  const [row] = await db.select().from(transactions).where(eq(transactions.md5, qr.md5));
  return row!;
}

async function firstPaidAt(userId: string): Promise<Date | null> {
  const db = await getDb();
  const [row] = await db.select({ firstPaidAt: users.firstPaidAt }).from(users).where(eq(users.id, userId));
  return row!.firstPaidAt;
}

describe("getting-started checklist facts", () => {
  it("each item turns done when its event happens, and only then", async () => {
    const merchant = await createTestMerchant(null);
    expect(await gettingStarted(merchant.userId)).toEqual({ profileSaved: false, firstQr: false, firstPaid: false, webhookAdded: false });

    const merchantWithProfile = await createTestMerchant();
    expect(await gettingStarted(merchantWithProfile.userId)).toMatchObject({ profileSaved: true, firstQr: false, firstPaid: false });
    const row = await pendingQr(merchantWithProfile);
    expect(await gettingStarted(merchantWithProfile.userId)).toMatchObject({ firstQr: true, firstPaid: false });
    await settleWithBakongResult(row, { status: "not_found", raw: { responseCode: 1 } });
    expect(await gettingStarted(merchantWithProfile.userId)).toMatchObject({ firstPaid: false });

    await settleWithBakongResult(row, bakongFound(row, new Date()));
    expect(await gettingStarted(merchantWithProfile.userId)).toMatchObject({ firstPaid: true, webhookAdded: false });
    await createWebhookEndpoint(merchantWithProfile.userId, { url: "https://shop.example.com/hooks", mode: "test" });
    expect(await gettingStarted(merchantWithProfile.userId)).toEqual({
      profileSaved: true,
      firstQr: true,
      firstPaid: true,
      webhookAdded: true,
    });
  });

  it("the first payment is stored on the account by the transaction that marks it paid, and later payments keep it", async () => {
    const merchant = await createTestMerchant();
    const first = await pendingQr(merchant);
    const second = await pendingQr(merchant);
    const paidAt = new Date(Date.now() - 5_000);
    expect(await firstPaidAt(merchant.userId)).toBeNull();

    await settleWithBakongResult(first, bakongFound(first, paidAt));
    expect(await firstPaidAt(merchant.userId)).toEqual(paidAt);
    await settleWithBakongResult(second, bakongFound(second, new Date()));
    // Settling the same payment again (the poller and a check both had the answer) changes nothing either.
    await settleWithBakongResult(first, bakongFound(first, new Date()));
    expect(await firstPaidAt(merchant.userId)).toEqual(paidAt);
  });

  it("a mismatched payment (wrong amount) is not a first payment", async () => {
    const merchant = await createTestMerchant();
    const row = await pendingQr(merchant);
    const answer = bakongFound(row, new Date());
    if (answer.status === "found") answer.transaction.amount = 4;
    await settleWithBakongResult(row, answer);
    expect(await firstPaidAt(merchant.userId)).toBeNull();
    expect((await gettingStarted(merchant.userId)).firstPaid).toBe(false);
  });
});
