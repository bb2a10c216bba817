import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { webhookDeliveries, webhookEndpoints, type WebhookDelivery } from "@/lib/db/schema";

/** Longer than one attempt can take (10 s) with a wide margin: a lease that outlives a crash is taken over. */
export const DELIVERY_LEASE_MS = 60_000;

export type ClaimedDelivery = {
  delivery: WebhookDelivery;
  endpoint: { id: string; url: string; secret: string };
};

export type ClaimOptions = { now: Date; limit: number; deliveryIds?: string[] };

/**
 * Takes due deliveries for this caller alone: the rows are locked with SKIP LOCKED, leased (locked_until)
 * and their attempt counted, and the transaction commits before any HTTP call. Another instance skips
 * them while they are locked and ignores them while the lease runs, so no attempt is ever sent twice.
 * A crash mid-attempt leaves the lease to expire; the next claim retries with the same delivery id.
 */
export async function claimDueDeliveries({ now, limit, deliveryIds }: ClaimOptions): Promise<ClaimedDelivery[]> {
  // Limits are whole numbers. Below 1 claims nothing (drizzle drops a negative LIMIT: it would claim everything).
  if (limit < 1) return [];
  // Stryker disable next-line ConditionalExpression: only saves the transaction: an empty id list matches no row anyway (drizzle renders inArray(col, []) as false)
  if (deliveryIds?.length === 0) return [];
  const db = await getDb();
  const leaseUntil = new Date(now.getTime() + DELIVERY_LEASE_MS);
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(
        and(
          eq(webhookDeliveries.status, "pending"),
          lte(webhookDeliveries.nextAttemptAt, now),
          or(isNull(webhookDeliveries.lockedUntil), lte(webhookDeliveries.lockedUntil, now)),
          // A disabled endpoint's deliveries wait; re-enabling it sends them.
          eq(webhookEndpoints.enabled, true),
          deliveryIds ? inArray(webhookDeliveries.id, deliveryIds) : undefined,
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(limit)
      .for("update", { of: webhookDeliveries, skipLocked: true });
    // Stryker disable next-line ConditionalExpression,ArrayDeclaration: only saves a round trip on idle passes: with no id the update matches no row (inArray of [] is false), and a bogus row finds no endpoint, so the result is [] either way
    if (due.length === 0) return [];
    return tx
      .update(webhookDeliveries)
      .set({ lockedUntil: leaseUntil, attemptCount: sql`${webhookDeliveries.attemptCount} + 1` })
      .where(
        inArray(
          webhookDeliveries.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
  // Stryker disable next-line ConditionalExpression: only saves a round trip: with nothing claimed the endpoint read matches no row (inArray of [] is false) and the result is [] either way
  if (claimed.length === 0) return [];

  const endpoints = await db
    .select({ id: webhookEndpoints.id, url: webhookEndpoints.url, secret: webhookEndpoints.secret })
    .from(webhookEndpoints)
    .where(inArray(webhookEndpoints.id, [...new Set(claimed.map((row) => row.endpointId))]));
  const byId = new Map(endpoints.map((endpoint) => [endpoint.id, endpoint]));
  return claimed.flatMap((delivery) => {
    const endpoint = byId.get(delivery.endpointId);
    // Deleted between the claim and this read: the delivery went with it (cascade).
    return endpoint ? [{ delivery, endpoint }] : [];
  });
}
