import { KHQR_CURRENCIES } from "../khqr/types";

// Each closed set of values the app stores, declared once: TypeScript types, zod enums and the database's
// CHECK constraints (lib/db/schema.ts) are all made from these arrays. Relative imports: drizzle-kit reads
// this file through schema.ts without the "@/" alias.

/** Live keys and data use real Bakong; test keys and data the sandbox. The two never see each other. */
export const MODES = ["live", "test"] as const;
export type Mode = (typeof MODES)[number];

export const CURRENCIES = KHQR_CURRENCIES;
export type Currency = (typeof CURRENCIES)[number];

export const TRANSACTION_STATUSES = ["pending", "paid", "expired"] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/** What a transaction's history records. */
export const TRANSACTION_EVENT_KINDS = ["created", "paid", "paid_after_expiry", "expired", "amount_mismatch"] as const;
export type TransactionEventKind = (typeof TRANSACTION_EVENT_KINDS)[number];

export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const EMAIL_STATUSES = ["pending", "sent", "failed"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** What a single-use link sent by email does: reset a forgotten password, or confirm a new email address. */
export const ACCOUNT_TOKEN_PURPOSES = ["password_reset", "email_change"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];
