/**
 * Rate limits and plan quotas. Per-minute limits per API key and route (and sign-in throttling) run on
 * @upstash/ratelimit over Upstash, Redis or memory, and fail open; daily plan quotas are counted in
 * PostgreSQL and always enforced.
 */
export { applyRateLimit, type RateLimitedRoute } from "./api-limits";
export { limitAuthAttempt } from "./auth-limits";
export { dailyQuotaCount, dailyQuotaValues, quotaErrorOf, type QuotaSubject } from "./daily-quota";
export { createLimiter } from "./limiter";
export { createRateLimitStore, type RateLimitStore } from "./stores";
export { pingRateLimitStore, closeRateLimitStore } from "./shared-store";
