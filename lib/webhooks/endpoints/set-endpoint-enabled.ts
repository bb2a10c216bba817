import { and, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { webhookEndpoints } from "@/lib/db/schema";
import { webhookNotFound } from "./errors";
import { isUuid } from "@/lib/std";

export const DISABLED_BY_MERCHANT = "Disabled from the dashboard.";

/**
 * Enabling starts the failure count afresh and lets deliveries that were waiting go out. While disabled,
 * nothing is sent and payments queue no new deliveries for the endpoint (the outbox skips it).
 */
export async function setWebhookEndpointEnabled(userId: string, endpointId: string, enabled: boolean): Promise<void> {
  if (!isUuid(endpointId)) throw webhookNotFound("endpoint");
  const db = await getDb();
  const updated = await db
    .update(webhookEndpoints)
    .set(
      enabled ? { enabled: true, disabledReason: null, consecutiveFailures: 0 } : { enabled: false, disabledReason: DISABLED_BY_MERCHANT },
    )
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.userId, userId)))
    .returning({ id: webhookEndpoints.id });
  if (updated.length === 0) throw webhookNotFound("endpoint");
}
