import { KHQR_CURRENCIES } from "../khqr/types";

// Each closed set of values the app stores, declared once: TypeScript types, zod enums and the database's
// CHECK constraints (lib/db/schema.ts) are all made from these arrays. Relative imports: drizzle-kit reads
// this file through schema.ts without the "@/" alias.

/** Live keys and data use real Bakong; test keys and data the sandbox. The two never see each other. */
export const MODES = ["live", "test"] as const;
export type Mode = (typeof MODES)[number];

/** The interface languages; Khmer first, as the people who use the app read it first. */
export const LOCALES = ["km", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const CURRENCIES = KHQR_CURRENCIES;
export type Currency = (typeof CURRENCIES)[number];

/**
 * A dynamic QR is pending until paid or expired. A static QR's status is always "static": Bakong cannot check
 * it by md5 (each payer's app writes its own amount into it), so its payments are proven one receipt at a time.
 */
export const TRANSACTION_STATUSES = ["pending", "paid", "expired", "static"] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/** What a transaction's history records. */
export const TRANSACTION_EVENT_KINDS = ["created", "paid", "paid_after_expiry", "expired", "amount_mismatch"] as const;
export type TransactionEventKind = (typeof TRANSACTION_EVENT_KINDS)[number];

export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Dynamic QRs charge one amount once and expire; static QRs are reusable stickers the payer types the amount into. */
export const QR_TYPES = ["dynamic", "static"] as const;
export type QrType = (typeof QR_TYPES)[number];

/** Who first verified a receipt: an API key, or the signed-in merchant on the dashboard's verify page. */
export const VERIFICATION_SOURCES = ["api", "dashboard"] as const;
export type VerificationSource = (typeof VERIFICATION_SOURCES)[number];

/**
 * The webhook events an endpoint can subscribe to. New endpoints get transaction.paid only: expiry and receipt
 * verification are opt-in, so a receiver written for payments never sees an event it does not know.
 */
export const WEBHOOK_EVENTS = ["transaction.paid", "transaction.expired", "transaction.verified"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const DEFAULT_WEBHOOK_EVENTS: readonly WebhookEvent[] = ["transaction.paid"];

export const EMAIL_STATUSES = ["pending", "sent", "failed"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** What a single-use link sent by email does: reset a forgotten password, or confirm a new email address. */
export const ACCOUNT_TOKEN_PURPOSES = ["password_reset", "email_change"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/** Where payment alerts go: a connected Telegram chat, or the account's email address (through the email outbox). */
export const ALERT_CHANNELS = ["telegram", "email"] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

/** Which payments a channel is alerted about: live ones, test (sandbox) ones, or both. */
export const ALERT_SCOPES = ["live", "test", "both"] as const;
export type AlertScope = (typeof ALERT_SCOPES)[number];
