import { asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { webhookAttempts, webhookDeliveries } from "@/lib/db/schema";
import { findOwnEndpoint } from "./own-endpoint";
import type { DeliveryStatus } from "@/lib/config/enums";

export type WebhookAttemptView = {
  attempt: number;
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
  at: Date;
};

export type WebhookDeliveryView = {
  id: string;
  event: string;
  transactionId: string | null;
  status: DeliveryStatus;
  attemptCount: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
  /** Newest first. */
  attempts: WebhookAttemptView[];
};

export const DELIVERY_LOG_LIMIT = 50;

/** The endpoint's most recent deliveries with every attempt made, for the delivery log. */
export async function listWebhookDeliveries(
  userId: string,
  endpointId: string,
  limit: number = DELIVERY_LOG_LIMIT,
): Promise<WebhookDeliveryView[]> {
  const db = await getDb();
  const endpoint = await findOwnEndpoint(db, userId, endpointId);
  const deliveries = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpoint.id))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
  // Stryker disable next-line ConditionalExpression: only saves a round trip: with no delivery the attempts read matches no row (inArray of [] is false) and the result is [] either way
  if (deliveries.length === 0) return [];
  const attempts = await db
    .select()
    .from(webhookAttempts)
    .where(
      inArray(
        webhookAttempts.deliveryId,
        deliveries.map((delivery) => delivery.id),
      ),
    )
    .orderBy(asc(webhookAttempts.deliveryId), desc(webhookAttempts.attempt), desc(webhookAttempts.createdAt));
  const byDelivery = new Map<string, WebhookAttemptView[]>();
  for (const attempt of attempts) {
    const list = byDelivery.get(attempt.deliveryId) ?? [];
    list.push({
      attempt: attempt.attempt,
      statusCode: attempt.statusCode,
      durationMs: attempt.durationMs,
      responseExcerpt: attempt.responseExcerpt,
      error: attempt.error,
      at: attempt.createdAt,
    });
    byDelivery.set(attempt.deliveryId, list);
  }
  return deliveries.map((delivery) => ({
    id: delivery.id,
    event: delivery.event,
    transactionId: delivery.transactionId,
    status: delivery.status,
    attemptCount: delivery.attemptCount,
    nextAttemptAt: delivery.nextAttemptAt,
    lastStatusCode: delivery.lastStatusCode,
    lastError: delivery.lastError,
    deliveredAt: delivery.deliveredAt,
    createdAt: delivery.createdAt,
    attempts: byDelivery.get(delivery.id) ?? [],
  }));
}
