import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { webhookEndpoints } from "@/lib/db/schema";
import { generateWebhookSecret } from "../secret";
import { findOwnEndpoint } from "./own-endpoint";
import { webhookNotFound } from "./errors";
import { isUuid } from "@/lib/std";

export async function revealWebhookSecret(userId: string, endpointId: string): Promise<string> {
  const db = await getDb();
  return (await findOwnEndpoint(db, userId, endpointId)).secret;
}

/**
 * Replaces the secret at once: every attempt from now on, retries of older deliveries included, is signed
 * with the new one (signatures are computed when sending).
 */
export async function rotateWebhookSecret(userId: string, endpointId: string): Promise<string> {
  if (!isUuid(endpointId)) throw webhookNotFound("endpoint");
  const db = await getDb();
  const secret = generateWebhookSecret();
  const updated = await db
    .update(webhookEndpoints)
    .set({ secret })
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.userId, userId)))
    .returning({ id: webhookEndpoints.id });
  if (updated.length === 0) throw webhookNotFound("endpoint");
  return secret;
}
