import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db";
import { webhookEndpoints, type WebhookEndpoint } from "@/lib/db/schema";
import { WebhookNotFoundError } from "./errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The user's own endpoint, or WebhookNotFoundError: every endpoint action goes through here. */
export async function findOwnEndpoint(db: DbOrTx, userId: string, endpointId: string): Promise<WebhookEndpoint> {
  if (!isUuid(endpointId)) throw new WebhookNotFoundError("endpoint");
  const [endpoint] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.userId, userId)))
    .limit(1);
  if (!endpoint) throw new WebhookNotFoundError("endpoint");
  return endpoint;
}
