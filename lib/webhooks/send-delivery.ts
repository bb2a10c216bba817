import { log } from "@/lib/log";
import { eventIdOf } from "./outbox";
import type { ClaimedDelivery } from "./claim-deliveries";
import { postWebhook, WEBHOOK_TIMEOUT_MS, type AttemptOutcome } from "./post-webhook";
import { recordAttempt, type DeliveryState } from "./record-attempt";
import { deliveryHeaders } from "./sign";
import { allowPrivateTargets } from "./target-policy";

export type SendOptions = {
  /** The scheduler's clock: decides when the next retry is due. */
  now: Date;
  /** Per attempt; WEBHOOK_TIMEOUT_MS when left out. */
  timeoutMs?: number | undefined;
  /** Jitter source for retry delays (tests pin it). */
  random?: (() => number) | undefined;
};

export type SentAttempt = { deliveryId: string; attempt: number; state: DeliveryState; outcome: AttemptOutcome };

/** Signs and sends one claimed attempt, then records it. The body is the stored one, byte for byte. */
export async function sendClaimedDelivery(claimed: ClaimedDelivery, options: SendOptions): Promise<SentAttempt> {
  const { delivery, endpoint } = claimed;
  const outcome = await postWebhook({
    url: endpoint.url,
    body: delivery.body,
    // Signed with the wall clock: receivers compare it with theirs to reject replays.
    headers: deliveryHeaders({
      deliveryId: delivery.id,
      eventId: eventIdOf(delivery.body),
      event: delivery.event,
      body: delivery.body,
      secret: endpoint.secret,
      timestamp: Math.floor(Date.now() / 1000),
    }),
    allowPrivateTargets: allowPrivateTargets(),
    timeoutMs: options.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
  });
  const state = await recordAttempt(claimed, outcome, options.now, options.random);
  log(outcome.ok ? "info" : "warn", "webhook_attempt", {
    delivery_id: delivery.id,
    endpoint_id: endpoint.id,
    event: delivery.event,
    attempt: delivery.attemptCount,
    state,
    status_code: outcome.statusCode,
    duration_ms: outcome.durationMs,
    error: outcome.error,
  });
  return { deliveryId: delivery.id, attempt: delivery.attemptCount, state, outcome };
}
