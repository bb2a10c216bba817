import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { deliverWebhookNow } from "../deliver-now";
import type { SentAttempt } from "../send-delivery";
import { AppError } from "@/lib/errors";
import { webhookNotFound } from "./errors";
import { isUuid } from "@/lib/std";

/**
 * Sends a finished delivery's exact body again as a new delivery (new X-KHQR-Delivery-Id, five fresh
 * attempts), first attempt now. Receivers that dedupe by delivery id will process it; the body's
 * transaction_id still identifies the payment.
 */
export async function resendWebhookDelivery(userId: string, deliveryId: string, now: Date = new Date()): Promise<SentAttempt | null> {
  if (!isUuid(deliveryId)) throw webhookNotFound("delivery");
  const db = await getDb();
  const [original] = await db
    .select({ delivery: webhookDeliveries, endpointEnabled: webhookEndpoints.enabled })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookEndpoints.userId, userId)))
    .limit(1);
  if (!original) throw webhookNotFound("delivery");
  if (original.delivery.status === "pending")
    throw new AppError("conflict", "This delivery is still being retried; wait for it to finish.");
  if (!original.endpointEnabled) throw new AppError("conflict", "Enable the endpoint before resending to it.");
  const id = randomUUID();
  await db.insert(webhookDeliveries).values({
    id,
    endpointId: original.delivery.endpointId,
    transactionId: original.delivery.transactionId,
    event: original.delivery.event,
    body: original.delivery.body,
    status: "pending",
    nextAttemptAt: now,
    createdAt: now,
  });
  return deliverWebhookNow(id, { now });
}
