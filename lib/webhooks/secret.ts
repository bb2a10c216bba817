import { randomBytes } from "node:crypto";

// Stryker disable next-line StringLiteral: evaluated once at module load, where Stryker's vitest runner cannot switch a mutant on per test (tests/webhooks/endpoints.test.ts pins the prefix)
export const WEBHOOK_SECRET_PREFIX = "whsec_";

/** 32 random bytes, base64url: 43 characters after the prefix, 256 bits for the HMAC key. */
export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
}
