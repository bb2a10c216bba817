import { createHash } from "node:crypto";
import { AUTH_ATTEMPT_LIMITS } from "@/lib/config/rate-limits";
import { secondsUntil } from "./limiter";
import { rateLimitsDisabled, sharedLimiter } from "./shared-store";

// Keys carry a digest rather than the address, so the rate-limit store holds no email addresses.
function emailDigest(email: string): string {
  // Stryker disable next-line MethodExpression,StringLiteral: upper or lower case, hex or raw bytes: any one-to-one spelling of the digest keys the same counts.
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

/**
 * Brute-force protection for sign-up and log-in: counts one attempt against the client address, against
 * the email from that address (tight) and against the email from anywhere (loose). Call it before
 * checking the password; when not allowed, answer with a friendly "try again in N seconds" and do not
 * check anything.
 */
export async function limitAuthAttempt({
  ip,
  email,
}: {
  ip: string;
  email: string;
}): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  if (rateLimitsDisabled()) return { allowed: true, retryAfterSeconds: 0 };
  const digest = emailDigest(email);
  const emailAtIp = `${digest}:${ip}`;
  // Stryker disable StringLiteral: the names only namespace the three counters; any three distinct names limit alike.
  const decisions = await Promise.all([
    sharedLimiter("auth:ip", AUTH_ATTEMPT_LIMITS.perIp)(ip),
    sharedLimiter("auth:email-ip", AUTH_ATTEMPT_LIMITS.perEmailAndIp)(emailAtIp),
    sharedLimiter("auth:email", AUTH_ATTEMPT_LIMITS.perEmail)(digest),
  ]);
  // Stryker restore StringLiteral
  const denied = decisions.filter((decision) => !decision.allowed);
  return { allowed: denied.length === 0, retryAfterSeconds: Math.max(0, ...denied.map((decision) => secondsUntil(decision.resetAt))) };
}
