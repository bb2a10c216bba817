import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { transactions, webhookDeliveries, type Transaction, type WebhookDelivery } from "@/lib/db/schema";
import { createQr, settleWithBakongResult } from "@/lib/payments";
import { createWebhookEndpoint } from "@/lib/webhooks";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";

export async function transactionByMd5(md5: string): Promise<Transaction> {
  const db = await getDb();
  const [row] = await db.select().from(transactions).where(eq(transactions.md5, md5)).limit(1);
  if (!row) throw new Error(`no transaction ${md5}`);
  return row;
}

export async function deliveriesOf(transactionId: string): Promise<WebhookDelivery[]> {
  const db = await getDb();
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.transactionId, transactionId));
}

export async function deliveryById(id: string): Promise<WebhookDelivery> {
  const db = await getDb();
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)).limit(1);
  if (!row) throw new Error(`no delivery ${id}`);
  return row;
}

/** A test-mode QR of the merchant, marked paid through the shared transition (which writes the outbox). */
export async function payNewQr(
  merchant: TestMerchant,
  now: Date,
  orderId = `ORDER-${randomBytes(4).toString("hex")}`,
): Promise<Transaction> {
  // A bill number of its own: QRs with identical fields created at the same instant would share an md5.
  const billNumber = `INV-${randomBytes(4).toString("hex")}`;
  const qr = await createQr(merchant.test, { amount: 5, currency: "USD", bill_number: billNumber, order_id: orderId }, () => now);
  const pending = await transactionByMd5(qr.md5);
  return settleWithBakongResult(
    pending,
    {
      status: "found",
      transaction: {
        hash: randomBytes(32).toString("hex"),
        toAccountId: pending.toAccountId,
        amount: 5,
        currency: "USD",
        createdDateMs: now.getTime(),
      },
      raw: { simulated: true },
    },
    now,
  );
}

export type PaidSetup = { merchant: TestMerchant; endpointId: string; secret: string; transaction: Transaction; delivery: WebhookDelivery };

/** A merchant with one test-mode endpoint at `url` and one payment just marked paid: one delivery waiting. */
export async function paidWithEndpoint(url: string, now: Date = new Date()): Promise<PaidSetup> {
  const merchant = await createTestMerchant();
  const endpoint = await createWebhookEndpoint(merchant.userId, { url, mode: "test" });
  const transaction = await payNewQr(merchant, now);
  const [delivery] = await deliveriesOf(transaction.id);
  if (!delivery) throw new Error("the paid transition wrote no delivery");
  return { merchant, endpointId: endpoint.id, secret: endpoint.secret, transaction, delivery };
}
