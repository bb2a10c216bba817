/**
 * Per-minute limits of the public API, per API key and route (sliding window), and the throttle on
 * sign-up and log-in. Plan quotas (per day, per account) live in ./plans.ts.
 */
export type RateLimitedRoute =
  "qr" | "check" | "by_order" | "verify" | "general" | "unauthenticated" | "pay_page" | "links" | "link_checkout";

export type RouteRateLimit = {
  requestsPerMinute: number;
  /** Names the limit in the 429 message, e.g. "Rate limit of 60 requests per minute for POST /qr …". */
  label: string;
};

export const API_RATE_LIMITS: Record<RateLimitedRoute, RouteRateLimit> = {
  qr: { requestsPerMinute: 60, label: "POST /qr" },
  check: { requestsPerMinute: 120, label: "POST /transaction/check" },
  by_order: { requestsPerMinute: 120, label: "POST /transaction/by-order" },
  verify: { requestsPerMinute: 120, label: "POST /transaction/verify" },
  general: { requestsPerMinute: 300, label: "GET /me and the sandbox routes" },
  // Counted per client IP for requests whose API key is missing or invalid, so key guessing is slow.
  unauthenticated: { requestsPerMinute: 60, label: "requests without a valid API key" },
  // The public payment page and its status, per client address: a viewer polls ~20 times a minute.
  pay_page: { requestsPerMinute: 120, label: "the payment page" },
  links: { requestsPerMinute: 120, label: "the /payment-links routes" },
  // New QRs from a public payment link page, per client address: a customer makes one or two.
  link_checkout: { requestsPerMinute: 20, label: "payments started from payment links" },
};

/**
 * Brute-force protection for the dashboard's sign-up, log-in and password-reset forms. One address may
 * try an email only a few times; the email as a whole allows far more, so failures from one address
 * (an attacker's) cannot lock the owner out when they log in from another.
 */
export const AUTH_ATTEMPT_LIMITS = {
  perIp: { limit: 20, windowSeconds: 60 },
  perEmailAndIp: { limit: 10, windowSeconds: 15 * 60 },
  perEmail: { limit: 100, windowSeconds: 15 * 60 },
} as const;

/**
 * How long a request waits for the rate-limit store before it is let through unlimited (fail open):
 * a slow or dead Redis must not stall the API. Local Redis answers in well under a millisecond.
 */
export const RATE_LIMIT_STORE_TIMEOUT_MS = Number(process.env.RATE_LIMIT_STORE_TIMEOUT_MS) || 500;

/** After a store failure, requests skip it (and are let through) for this long before one tries again. */
export const RATE_LIMIT_STORE_PAUSE_MS = 1_000;

/** A store outage is logged at most this often, however many requests it lets through. */
export const RATE_LIMIT_OUTAGE_LOG_INTERVAL_MS = 30_000;
