import { Ratelimit, type RatelimitConfig } from "@upstash/ratelimit";
import { RATE_LIMIT_STORE_TIMEOUT_MS } from "@/lib/config/rate-limits";
import type { RateLimitStore } from "./stores";

export type LimitDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends, in epoch milliseconds. */
  resetAt: number;
  /** The store failed or was too slow, so the request was let through without being counted. */
  failedOpen: boolean;
};

export type Limiter = (identifier: string) => Promise<LimitDecision>;

export type LimiterOptions = {
  store: RateLimitStore;
  limit: number;
  windowSeconds: number;
  /** Namespaces the Redis keys, e.g. "khqr:rl:api:qr". */
  prefix: string;
  timeoutMs?: number;
};

/** Whole seconds from now until `epochMs`, at least 1 (a Retry-After of 0 invites a busy loop). */
export function secondsUntil(epochMs: number, now = Date.now()): number {
  return Math.max(1, Math.ceil((epochMs - now) / 1000));
}

/**
 * A sliding-window limiter on @upstash/ratelimit that fails open: when the store errors or does not answer
 * within the timeout, the request is allowed and the store rests briefly (see store-health.ts). Per-minute
 * limits protect the service; refusing all traffic while Redis is down would turn a Redis outage into an API one.
 */
export function createLimiter({ store, limit, windowSeconds, prefix, timeoutMs = RATE_LIMIT_STORE_TIMEOUT_MS }: LimiterOptions): Limiter {
  const ratelimit = new Ratelimit({
    // The limiter only calls evalsha and, on NOSCRIPT, eval; the get/set in its type serve dynamic limits, which are off.
    redis: store.scripts as unknown as RatelimitConfig["redis"],
    limiter: Ratelimit.slidingWindow(limit, `${windowSeconds} s`),
    prefix,
    timeout: timeoutMs,
    analytics: false,
  });
  const windowMs = windowSeconds * 1000;
  // Nothing was counted, so the whole allowance is reported, until the end of the current window.
  const failOpen = (): LimitDecision => ({
    allowed: true,
    limit,
    remaining: limit,
    resetAt: (Math.floor(Date.now() / windowMs) + 1) * windowMs,
    failedOpen: true,
  });

  return async (identifier) => {
    if (store.health.resting()) return failOpen();
    try {
      const result = await ratelimit.limit(identifier);
      if (result.reason !== "timeout") {
        return { allowed: result.success, limit: result.limit, remaining: result.remaining, resetAt: result.reset, failedOpen: false };
      }
      store.health.failed(new Error(`no answer within ${timeoutMs} ms`));
    } catch (error) {
      store.health.failed(error);
    }
    return failOpen();
  };
}
