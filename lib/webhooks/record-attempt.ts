import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/lib/db";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { log } from "@/lib/log";
import type { ClaimedDelivery } from "./claim-deliveries";
import type { AttemptOutcome } from "./post-webhook";
import { DISABLE_AFTER_CONSECUTIVE_FAILURES, retryDelayMs } from "./retry-schedule";

export type DeliveryState = "succeeded" | "retrying" | "failed";

const ERROR_MAX_LENGTH = 500;

/**
 * Logs the attempt and moves the delivery on: succeeded, retry later, or failed after the last attempt.
 * The delivery is only updated while it is still this attempt's (attempt_count unchanged), so an attempt
 * whose lease ran out cannot overwrite the one that took over.
 */
export async function recordAttempt(
  claimed: ClaimedDelivery,
  outcome: AttemptOutcome,
  startedAt: Date,
  random?: () => number,
): Promise<DeliveryState> {
  const { delivery, endpoint } = claimed;
  const attempt = delivery.attemptCount;
  const finishedAt = new Date(startedAt.getTime() + outcome.durationMs);
  const delay = outcome.ok ? null : retryDelayMs(attempt, random);
  const state: DeliveryState = outcome.ok ? "succeeded" : delay === null ? "failed" : "retrying";
  const error = outcome.error?.slice(0, ERROR_MAX_LENGTH) ?? null;

  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      id: randomUUID(),
      deliveryId: delivery.id,
      attempt,
      statusCode: outcome.statusCode,
      durationMs: outcome.durationMs,
      responseExcerpt: outcome.responseExcerpt,
      error,
      createdAt: startedAt,
    });
    const [updated] = await tx
      .update(webhookDeliveries)
      .set({
        status: state === "retrying" ? "pending" : state,
        lockedUntil: null,
        lastStatusCode: outcome.statusCode,
        lastError: error,
        nextAttemptAt: delay === null ? null : new Date(finishedAt.getTime() + delay),
        ...(outcome.ok ? { deliveredAt: finishedAt } : {}),
      })
      .where(
        and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, "pending"), eq(webhookDeliveries.attemptCount, attempt)),
      )
      .returning({ id: webhookDeliveries.id });
    if (!updated) return;
    if (state === "succeeded") await resetFailures(tx, endpoint.id);
    if (state === "failed") await countFailure(tx, endpoint.id, error, finishedAt);
  });
  return state;
}

async function resetFailures(tx: DbOrTx, endpointId: string): Promise<void> {
  await tx.update(webhookEndpoints).set({ consecutiveFailures: 0 }).where(eq(webhookEndpoints.id, endpointId));
}

async function countFailure(tx: DbOrTx, endpointId: string, lastError: string | null, at: Date): Promise<void> {
  const failures = sql`${webhookEndpoints.consecutiveFailures} + 1`;
  const reachesLimit = sql`${failures} >= ${DISABLE_AFTER_CONSECUTIVE_FAILURES}`;
  const reason = `Disabled automatically on ${at.toISOString()} after ${DISABLE_AFTER_CONSECUTIVE_FAILURES} deliveries in a row failed all their attempts (last error: ${lastError ?? "unknown"}). Fix the endpoint, then enable it: waiting deliveries are sent then.`;
  const [endpoint] = await tx
    .update(webhookEndpoints)
    .set({
      consecutiveFailures: failures,
      enabled: sql`case when ${webhookEndpoints.enabled} and ${reachesLimit} then false else ${webhookEndpoints.enabled} end`,
      disabledReason: sql`case when ${webhookEndpoints.enabled} and ${reachesLimit} then ${reason} else ${webhookEndpoints.disabledReason} end`,
    })
    .where(eq(webhookEndpoints.id, endpointId))
    .returning({ disabledReason: webhookEndpoints.disabledReason, consecutiveFailures: webhookEndpoints.consecutiveFailures });
  // Logged only when this update disabled the endpoint (its reason carries this failure's time): not for failures
  // counted past the threshold, nor for an endpoint the merchant had disabled already.
  // Stryker disable next-line OptionalChaining: the delivery just updated references this endpoint (ON DELETE CASCADE), so the row is there
  if (endpoint?.disabledReason === reason) {
    log("warn", "webhook_endpoint_disabled", { endpoint_id: endpointId, consecutive_failures: endpoint.consecutiveFailures });
  }
}
