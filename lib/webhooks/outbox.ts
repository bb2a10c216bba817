import { randomBytes, randomUUID } from "node:crypto";
import { and, arrayContains, eq } from "drizzle-orm";
import type { Mode, WebhookEvent } from "@/lib/config/enums";
import type { DbOrTx } from "@/lib/db";
import { webhookDeliveries, webhookEndpoints, type Transaction, type VerifiedPayment } from "@/lib/db/schema";

/**
 * An event's identity: written into the body once, so every endpoint, every retry and every manual resend
 * of it carry the same id (and X-KHQR-Event-Id), which receivers deduplicate on.
 */
export function newEventId(): string {
  return `evt_${randomBytes(16).toString("hex")}`;
}

/** The id in a stored body, for the X-KHQR-Event-Id header; null for bodies written before events had ids. */
export function eventIdOf(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { id?: unknown };
    return typeof parsed.id === "string" ? parsed.id : null;
  } catch {
    return null;
  }
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** The body of transaction.paid and transaction.expired: the QR as the API shows it. */
export function transactionEventBody(eventId: string, event: "transaction.paid" | "transaction.expired", row: Transaction): string {
  return JSON.stringify({
    id: eventId,
    event,
    mode: row.mode,
    type: row.isStatic ? "static" : "dynamic",
    md5: row.md5,
    amount: row.amount === null ? null : Number(row.amount),
    currency: row.currency,
    bill_number: row.billNumber,
    paid_at: iso(row.paidAt),
    expires_at: iso(row.expiresAt),
    transaction_id: row.id,
    order_id: row.orderId,
    external_order_id: row.orderId,
    payment_link_id: row.paymentLinkId,
  });
}

/** The body of transaction.verified: a receipt confirmed for the first time. */
export function verifiedEventBody(eventId: string, payment: VerifiedPayment, staticQrMd5: string | null): string {
  return JSON.stringify({
    id: eventId,
    event: "transaction.verified",
    mode: payment.mode,
    hash: payment.hash,
    amount: Number(payment.amount),
    currency: payment.currency,
    paid_at: iso(payment.paidAt),
    from_account_id: payment.fromAccountId,
    to_account_id: payment.toAccountId,
    verified_at: payment.createdAt.toISOString(),
    static_qr_md5: staticQrMd5,
  });
}

export type OutboxEvent = {
  userId: string;
  mode: Mode;
  event: WebhookEvent;
  transactionId: string | null;
  /** Builds the stored body around the event's id. */
  body: (eventId: string) => string;
};

/**
 * Writes one pending delivery of the event per enabled endpoint of the account and mode that subscribes to
 * it. Called inside the transaction that makes the change, so a crash after commit still leaves the
 * deliveries to send.
 */
export async function enqueueEvent(tx: DbOrTx, outboxEvent: OutboxEvent, now: Date = new Date()): Promise<number> {
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.userId, outboxEvent.userId),
        eq(webhookEndpoints.mode, outboxEvent.mode),
        eq(webhookEndpoints.enabled, true),
        arrayContains(webhookEndpoints.events, [outboxEvent.event]),
      ),
    );
  if (endpoints.length === 0) return 0;
  const body = outboxEvent.body(newEventId());
  await tx.insert(webhookDeliveries).values(
    endpoints.map((endpoint) => ({
      id: randomUUID(),
      endpointId: endpoint.id,
      transactionId: outboxEvent.transactionId,
      event: outboxEvent.event,
      body,
      status: "pending" as const,
      nextAttemptAt: now,
    })),
  );
  return endpoints.length;
}

/** transaction.paid or transaction.expired of a QR, for the endpoints that subscribe to it. */
export function enqueueTransactionEvent(
  tx: DbOrTx,
  event: "transaction.paid" | "transaction.expired",
  row: Transaction,
  now: Date = new Date(),
): Promise<number> {
  return enqueueEvent(
    tx,
    { userId: row.userId, mode: row.mode, event, transactionId: row.id, body: (eventId) => transactionEventBody(eventId, event, row) },
    now,
  );
}
