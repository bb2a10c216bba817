import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db";
import { webhookDeliveries, webhookEndpoints, type Transaction } from "@/lib/db/schema";

export function paidEventBody(row: Transaction): string {
  return JSON.stringify({
    event: "transaction.paid",
    md5: row.md5,
    amount: row.amount === null ? null : Number(row.amount),
    currency: row.currency,
    bill_number: row.billNumber,
    paid_at: row.paidAt?.toISOString() ?? null,
    transaction_id: row.id,
    external_order_id: row.orderId,
  });
}

/**
 * Writes one pending delivery per enabled endpoint of the transaction's account and mode. Called inside
 * the transaction that marks the payment paid, so a crash after commit still leaves the deliveries to send.
 */
export async function enqueuePaidEvent(tx: DbOrTx, row: Transaction, now: Date = new Date()): Promise<number> {
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.userId, row.userId), eq(webhookEndpoints.mode, row.mode), eq(webhookEndpoints.enabled, true)));
  if (endpoints.length === 0) return 0;
  const body = paidEventBody(row);
  await tx.insert(webhookDeliveries).values(
    endpoints.map((endpoint) => ({
      id: randomUUID(),
      endpointId: endpoint.id,
      transactionId: row.id,
      event: "transaction.paid",
      body,
      status: "pending" as const,
      nextAttemptAt: now,
    })),
  );
  return endpoints.length;
}
