import { createLimiter, type Limiter } from "./limiter";
import { createRateLimitStore, type RateLimitStore } from "./stores";

type Shared = { store: RateLimitStore; limiters: Map<string, Limiter> };

// On globalThis so a dev server's hot reloads keep one Redis connection and one set of in-memory counters.
const globalForRateLimit = globalThis as unknown as { __khqrRateLimit?: Shared };

function shared(): Shared {
  globalForRateLimit.__khqrRateLimit ??= { store: createRateLimitStore(), limiters: new Map() };
  return globalForRateLimit.__khqrRateLimit;
}

/** Operator switch RATE_LIMITS=off (benchmarks): no per-minute or sign-in limits; daily plan quotas still apply. */
export function rateLimitsDisabled(): boolean {
  return process.env.RATE_LIMITS === "off";
}

/** The app's limiter named `name`, on the store chosen by the environment; created on first use. */
export function sharedLimiter(name: string, options: { limit: number; windowSeconds: number }): Limiter {
  const { store, limiters } = shared();
  let limiter = limiters.get(name);
  if (!limiter) {
    limiter = createLimiter({ store, ...options, prefix: `khqr:rl:${name}` });
    limiters.set(name, limiter);
  }
  return limiter;
}

/** For /api/health: true when Redis or Upstash answers, false when limits are kept in memory; rejects when unreachable. */
export async function pingRateLimitStore(): Promise<boolean> {
  return shared().store.ping();
}

/** Closes the Redis connection so scripts and benchmarks can exit; the next use opens a new one. */
export async function closeRateLimitStore(): Promise<void> {
  const current = globalForRateLimit.__khqrRateLimit;
  globalForRateLimit.__khqrRateLimit = undefined;
  await current?.store.close();
}
