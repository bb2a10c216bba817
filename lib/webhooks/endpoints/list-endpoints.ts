import { and, asc, eq, gte, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import type { Mode, WebhookEvent } from "@/lib/config/enums";

export const ENDPOINT_STATS_WINDOW_DAYS = 7;

export type WebhookEndpointSummary = {
  id: string;
  mode: Mode;
  url: string;
  enabled: boolean;
  events: WebhookEvent[];
  disabledReason: string | null;
  consecutiveFailures: number;
  createdAt: Date;
  /** Deliveries created in the last ENDPOINT_STATS_WINDOW_DAYS days. */
  stats: { succeeded: number; failed: number; pending: number; lastDeliveryAt: Date | null };
};

/** The user's endpoints (secrets left out: they are revealed one at a time), oldest first, with recent delivery counts. */
export async function listWebhookEndpoints(userId: string, now: Date = new Date()): Promise<WebhookEndpointSummary[]> {
  const db = await getDb();
  const since = new Date(now.getTime() - ENDPOINT_STATS_WINDOW_DAYS * 86_400_000);
  const countOf = (status: "succeeded" | "failed" | "pending") =>
    sql<number>`count(${webhookDeliveries.id}) filter (where ${webhookDeliveries.status} = ${status})`.mapWith(Number);
  const rows = await db
    .select({
      id: webhookEndpoints.id,
      mode: webhookEndpoints.mode,
      url: webhookEndpoints.url,
      enabled: webhookEndpoints.enabled,
      events: webhookEndpoints.events,
      disabledReason: webhookEndpoints.disabledReason,
      consecutiveFailures: webhookEndpoints.consecutiveFailures,
      createdAt: webhookEndpoints.createdAt,
      succeeded: countOf("succeeded"),
      failed: countOf("failed"),
      pending: countOf("pending"),
      lastDeliveryAt: sql<string | null>`max(${webhookDeliveries.createdAt})`,
    })
    .from(webhookEndpoints)
    .leftJoin(webhookDeliveries, and(eq(webhookDeliveries.endpointId, webhookEndpoints.id), gte(webhookDeliveries.createdAt, since)))
    .where(eq(webhookEndpoints.userId, userId))
    .groupBy(webhookEndpoints.id)
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
  return rows.map(({ succeeded, failed, pending, lastDeliveryAt, ...endpoint }) => ({
    ...endpoint,
    stats: { succeeded, failed, pending, lastDeliveryAt: lastDeliveryAt === null ? null : new Date(lastDeliveryAt) },
  }));
}
