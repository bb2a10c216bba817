import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { webhookDeliveries } from "@/lib/db/schema";
import { deliverWebhookNow } from "../deliver-now";
import type { SentAttempt } from "../send-delivery";
import { TEST_EVENT, testEventBody } from "../test-event";
import { findOwnEndpoint } from "./own-endpoint";
import { AppError } from "@/lib/errors";

/**
 * Queues a signed `webhook.test` delivery and makes its first attempt now, so the dashboard can show the
 * answer; if that attempt fails it is retried like any delivery.
 */
export async function sendWebhookTestEvent(userId: string, endpointId: string, now: Date = new Date()): Promise<SentAttempt | null> {
  const db = await getDb();
  const endpoint = await findOwnEndpoint(db, userId, endpointId);
  if (!endpoint.enabled) throw new AppError("conflict", "Enable the endpoint before sending it a test event.");
  const id = randomUUID();
  await db.insert(webhookDeliveries).values({
    id,
    endpointId: endpoint.id,
    transactionId: null,
    event: TEST_EVENT,
    body: testEventBody(endpoint, now),
    status: "pending",
    nextAttemptAt: now,
    createdAt: now,
  });
  return deliverWebhookNow(id, { now });
}
