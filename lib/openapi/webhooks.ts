import { z } from "zod";
import { DISABLE_AFTER_CONSECUTIVE_FAILURES, retryDelayMs, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_TIMEOUT_MS } from "@/lib/webhooks";
import { CURRENCIES } from "@/lib/config/enums";

/** The body of a `transaction.paid` webhook: what lib/webhooks sends, described for the docs and OpenAPI. */
export const transactionPaidEvent = z.object({
  event: z.literal("transaction.paid"),
  md5: z.string().describe("The md5 of the paid QR, as returned by POST /qr."),
  amount: z.number().nullable().describe("Amount paid in major units; null for a static QR."),
  currency: z.enum(CURRENCIES),
  bill_number: z.string().nullable(),
  paid_at: z.string().describe("When the customer paid, ISO 8601 UTC, from Bakong's record."),
  transaction_id: z.string().describe("Our id for the payment."),
  external_order_id: z.string().nullable().describe("The order_id you sent when creating the QR."),
});

export const WEBHOOK_HEADERS = [
  {
    name: "X-KHQR-Signature",
    example: "t=1715600000,v1=5f2b…",
    description: 't = unix seconds; v1 = hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint\'s secret (whsec_…).',
  },
  { name: "X-KHQR-Timestamp", example: "1715600000", description: "The same unix time as t: reject deliveries more than 5 minutes old." },
  { name: "X-KHQR-Delivery-Id", example: "0b9d7e0c-…", description: "Stable across retries of one delivery: store it and ignore repeats." },
  { name: "X-KHQR-Event", example: "transaction.paid", description: "The event type, also in the body." },
  {
    name: "Content-Type",
    example: "application/json",
    description: "The body is JSON; verify the signature over the raw bytes before parsing.",
  },
] as const;

function humanDelay(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} seconds`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} minutes`;
  return `${Math.round(ms / 3_600_000)} hour${ms >= 7_200_000 ? "s" : ""}`;
}

// The numbers below come from lib/webhooks, which enforces them, so the docs cannot promise anything else.
export const WEBHOOK_ATTEMPTS = WEBHOOK_MAX_ATTEMPTS;
export const WEBHOOK_TIMEOUT_SECONDS = WEBHOOK_TIMEOUT_MS / 1000;
export const WEBHOOK_DISABLE_AFTER_FAILURES = DISABLE_AFTER_CONSECUTIVE_FAILURES;
/** When each attempt happens after the payment: the first at once, then after each failure (before ±jitter). */
export const WEBHOOK_RETRY_SCHEDULE = [
  "immediately",
  ...Array.from({ length: WEBHOOK_MAX_ATTEMPTS - 1 }, (_, index) => `+${humanDelay(retryDelayMs(index + 1, () => 0.5) ?? 0)}`),
];
