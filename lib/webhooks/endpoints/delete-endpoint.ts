import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { webhookEndpoints } from "@/lib/db/schema";
import { webhookNotFound } from "./errors";
import { isUuid } from "@/lib/std";

/** Removes the endpoint with its delivery log; deliveries still waiting for it are dropped too. */
export async function deleteWebhookEndpoint(userId: string, endpointId: string): Promise<void> {
  if (!isUuid(endpointId)) throw webhookNotFound("endpoint");
  const db = await getDb();
  const deleted = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.userId, userId)))
    .returning({ id: webhookEndpoints.id });
  if (deleted.length === 0) throw webhookNotFound("endpoint");
}
