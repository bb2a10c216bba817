/**
 * How we share Bakong, one national API with unpublished limits, between every merchant and instance.
 * The call budget is per mode and per minute across all instances (BAKONG_MAX_CALLS_PER_MINUTE).
 */
export const DEFAULT_BAKONG_CALLS_PER_MINUTE = 600;
/**
 * The budget is spent at the pace of the clock, not all at the top of the minute: at any moment a minute
 * may have used what is due so far plus this much ahead, so a backlog never empties it in a burst.
 */
export const BUDGET_AHEAD_MS = 5_000;

/** The configured budget; an unusable value falls back to the default rather than to "unlimited". */
export function bakongCallsPerMinute(env: Record<string, string | undefined> = process.env): number {
  const configured = Number(env.BAKONG_MAX_CALLS_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_BAKONG_CALLS_PER_MINUTE;
}

/** Bakong not answering: after this many timeouts/5xx in a row, calls stop and checks answer 502 at once. */
export const OUTAGE_FAILURES_TO_OPEN = 3;
/** How long calls stop after the breaker opens; each failed probe doubles it, up to the maximum. */
export const OUTAGE_OPEN_MS = 15_000;
export const OUTAGE_MAX_OPEN_MS = 300_000;

/** How long the md5-list endpoint is left alone after it refused a call; then one list call probes it. */
export const LIST_REFUSED_MS = 600_000;

/** A polling pass seen this recently means a poller is running somewhere: client checks ride its batches. */
export const POLLER_FRESH_MS = 10_000;
/** A QR Bakong was asked about this recently is answered from the database. */
export const RECENTLY_ASKED_MS = 3_000;
/** How long a client check waits for the batch it asked for before answering what is known. */
export const CHECK_WAIT_MS = 2_000;
/** A QR this young is checked before older ones when demand exceeds the budget (when most customers pay). */
export const YOUNG_QR_MS = 120_000;
