import { z } from "zod";
import { DISABLE_AFTER_CONSECUTIVE_FAILURES, retryDelayMs, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_TIMEOUT_MS } from "@/lib/webhooks";
import { CURRENCIES, MODES, QR_TYPES } from "@/lib/config/enums";

const eventId = z
  .string()
  .describe("The event's id (evt_…): the same in every retry and every resend of this event, and in X-KHQR-Event-Id. Deduplicate on it.");
const mode = z.enum(MODES).describe("live or test: the mode of the key that created the QR or verified the receipt.");

/** The body of transaction.paid and transaction.expired: what lib/webhooks sends, described for the docs and OpenAPI. */
export const transactionEvent = z.object({
  id: eventId,
  event: z.enum(["transaction.paid", "transaction.expired"]),
  mode,
  type: z.enum(QR_TYPES).describe("dynamic or static; only dynamic QRs are paid or expire (static ones are verified from receipts)."),
  md5: z.string().describe("The md5 of the QR, as returned by POST /qr."),
  amount: z.number().nullable().describe("The QR's amount in major units."),
  currency: z.enum(CURRENCIES),
  bill_number: z.string().nullable(),
  paid_at: z.string().nullable().describe("When the customer paid, ISO 8601 UTC, from Bakong's record; null in transaction.expired."),
  expires_at: z.string().nullable().describe("When the QR stopped or stops being payable, ISO 8601 UTC."),
  transaction_id: z.string().describe("Our id for the payment."),
  order_id: z.string().nullable().describe("The order_id you sent when creating the QR."),
  external_order_id: z.string().nullable().describe("The same as order_id (the name in earlier versions of this API)."),
  payment_link_id: z.string().nullable().describe("The payment link the customer paid through, if any (see POST /payment-links)."),
});

/** The body of transaction.verified: a receipt confirmed by POST /transaction/verify or the dashboard, the first time. */
export const transactionVerifiedEvent = z.object({
  id: eventId,
  event: z.literal("transaction.verified"),
  mode,
  hash: z.string().describe("Bakong's full transaction hash."),
  amount: z.number().describe("The amount paid, in major units."),
  currency: z.enum(CURRENCIES),
  paid_at: z.string().nullable().describe("When the customer paid, ISO 8601 UTC, from Bakong's record."),
  from_account_id: z.string().nullable().describe("The payer's Bakong account."),
  to_account_id: z.string().describe("Your Bakong account that received it."),
  verified_at: z.string().describe("When it was first verified, ISO 8601 UTC."),
  static_qr_md5: z.string().nullable().describe("The md5 of your static QR the payment is recorded against, if any."),
});

/** The body of webhook.test, sent from the dashboard's "Send test event". */
export const webhookTestEvent = z.object({
  id: eventId,
  event: z.literal("webhook.test"),
  endpoint_id: z.string().describe("The endpoint the test was sent to."),
  mode,
  sent_at: z.string().describe("When the test was sent, ISO 8601 UTC."),
  message: z.string(),
});

/** Every event a webhook endpoint can receive, for the OpenAPI document and the docs page. */
export const WEBHOOK_EVENT_DOCS = [
  {
    event: "transaction.paid",
    schemaName: "TransactionEvent",
    schema: transactionEvent,
    summary: "A dynamic QR was paid",
    description:
      "Sent once Bakong confirms the payment reached your account for the QR's amount. Every endpoint receives it unless it opted out.",
  },
  {
    event: "transaction.expired",
    schemaName: "TransactionEvent",
    schema: transactionEvent,
    summary: "A dynamic QR expired unpaid (opt-in)",
    description: "Sent when the final check after expires_at found no payment. Only to endpoints that chose this event.",
  },
  {
    event: "transaction.verified",
    schemaName: "TransactionVerifiedEvent",
    schema: transactionVerifiedEvent,
    summary: "A receipt was verified for the first time (opt-in)",
    description:
      "Sent when a payment is first verified from its receipt (never for the second showing). Only to endpoints that chose this event.",
  },
  {
    event: "webhook.test",
    schemaName: "WebhookTestEvent",
    schema: webhookTestEvent,
    summary: "A test from the dashboard",
    description: "Sent by Send test event. Never fulfil anything on it; answer 2xx to show the endpoint works.",
  },
] as const;

export const WEBHOOK_HEADERS = [
  {
    name: "X-KHQR-Signature",
    example: "t=1715600000,v1=5f2b…",
    description: 't = unix seconds; v1 = hex HMAC-SHA256 of "<t>.<raw body>" keyed with the endpoint\'s secret (whsec_…).',
  },
  { name: "X-KHQR-Timestamp", example: "1715600000", description: "The same unix time as t: reject deliveries more than 5 minutes old." },
  {
    name: "X-KHQR-Event-Id",
    example: "evt_3f9a…",
    description: "The event's id, also the body's id: the same across automatic retries and manual resends. Store it and ignore repeats.",
  },
  {
    name: "X-KHQR-Delivery-Id",
    example: "0b9d7e0c-…",
    description:
      "This delivery: stable across its automatic retries, new for a manual resend. For the delivery log, not for deduplication.",
  },
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
