import { API_RATE_LIMITS, type RateLimitedRoute } from "@/lib/config/rate-limits";
import { secondsUntil } from "./limiter";
import { rateLimitsDisabled, sharedLimiter } from "./shared-store";

export type { RateLimitedRoute };
export type RateLimitSubject = { keyId: string } | { ip: string };
export type RateLimitOutcome = { allowed: boolean; headers: Record<string, string>; message: string };

/**
 * Counts one request of an API key (or, unauthenticated, of a client IP) against the route's per-minute
 * limit. The headers describe that limit and go on every response; a denial adds Retry-After.
 */
export async function applyRateLimit(subject: RateLimitSubject, route: RateLimitedRoute): Promise<RateLimitOutcome> {
  if (rateLimitsDisabled()) return { allowed: true, headers: {}, message: "" };
  const { requestsPerMinute, label } = API_RATE_LIMITS[route];
  const byKey = "keyId" in subject;
  const limiter = sharedLimiter(`api:${route}`, { limit: requestsPerMinute, windowSeconds: 60 });
  const decision = await limiter(byKey ? `key:${subject.keyId}` : `ip:${subject.ip}`);
  const headers: Record<string, string> = {
    "X-RateLimit-Limit": String(decision.limit),
    "X-RateLimit-Remaining": String(decision.remaining),
    "X-RateLimit-Reset": String(Math.ceil(decision.resetAt / 1000)),
  };
  if (decision.allowed) return { allowed: true, headers, message: "" };
  const retryAfter = secondsUntil(decision.resetAt);
  headers["Retry-After"] = String(retryAfter);
  const who = byKey ? "this API key" : "this IP address";
  return {
    allowed: false,
    headers,
    message: `Rate limit of ${requestsPerMinute} requests per minute for ${label} exceeded for ${who}; resets in ${retryAfter} s`,
  };
}
