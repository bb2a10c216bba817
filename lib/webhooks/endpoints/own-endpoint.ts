import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db";
import { webhookEndpoints, type WebhookEndpoint } from "@/lib/db/schema";
import { webhookNotFound } from "./errors";
import { isUuid } from "@/lib/std";

/** The user's own endpoint, or not_found: every endpoint action goes through here. */
export async function findOwnEndpoint(db: DbOrTx, userId: string, endpointId: string): Promise<WebhookEndpoint> {
  if (!isUuid(endpointId)) throw webhookNotFound("endpoint");
  const [endpoint] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.userId, userId)))
    .limit(1);
  if (!endpoint) throw webhookNotFound("endpoint");
  return endpoint;
}
