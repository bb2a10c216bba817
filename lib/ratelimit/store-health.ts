import { RATE_LIMIT_OUTAGE_LOG_INTERVAL_MS, RATE_LIMIT_STORE_PAUSE_MS } from "@/lib/config/rate-limits";
import { log } from "@/lib/log";

export type StoreHealth = {
  /** The store failed or was too slow and a request was let through. */
  failed(error: unknown): void;
  /** True for a short while after a failure: requests skip the store instead of each waiting out its timeout. */
  resting(): boolean;
};

/**
 * Tracks failures of one rate-limit store. A failure rests the store briefly, so a hung Redis costs one
 * request a timeout per pause rather than every request; the outage is logged at most once per interval,
 * since during an outage every request fails the same way.
 */
export function createStoreHealth(
  store: string,
  { logIntervalMs = RATE_LIMIT_OUTAGE_LOG_INTERVAL_MS, pauseMs = RATE_LIMIT_STORE_PAUSE_MS } = {},
): StoreHealth {
  let restingUntil = 0;
  let lastLoggedAt = Number.NEGATIVE_INFINITY;
  let unlogged = 0;
  return {
    failed(error) {
      const now = Date.now();
      restingUntil = now + pauseMs;
      if (now - lastLoggedAt < logIntervalMs) {
        unlogged += 1;
        return;
      }
      log("warn", "rate_limit_store_unavailable", {
        store,
        error_message: error instanceof Error ? error.message : String(error),
        failures_since_last_log: unlogged,
        effect: "per-minute rate limits are not enforced until the store answers again; daily plan quotas still are",
      });
      lastLoggedAt = now;
      unlogged = 0;
    },
    resting() {
      return Date.now() < restingUntil;
    },
  };
}
