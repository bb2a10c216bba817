import { sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  ACCOUNT_TOKEN_PURPOSES,
  CURRENCIES,
  DELIVERY_STATUSES,
  EMAIL_STATUSES,
  LOCALES,
  MODES,
  TRANSACTION_EVENT_KINDS,
  TRANSACTION_STATUSES,
  VERIFICATION_SOURCES,
  WEBHOOK_EVENTS,
} from "../config/enums";

// Ids are generated in JS (crypto.randomUUID) so that the app knows a row's id before it is written, and
// several rows of one statement (a QR and its created event) can refer to each other.
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** The database refuses any value the app's types would: `values` is one of the arrays in lib/config/enums. */
const oneOf = (name: string, column: AnyPgColumn, values: readonly string[]) =>
  check(name, sql`${column} in (${sql.raw(values.map((value) => `'${value}'`).join(", "))})`);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    plan: text("plan").notNull().default("free"),
    // Every session carries the version it was issued under; raising it (sign-out, password change or
    // reset, "sign out everywhere") ends every session issued before.
    sessionVersion: integer("session_version").notNull().default(0),
    // The dashboard and the account's emails speak this language; set at sign-up from the page's language.
    locale: text("locale", { enum: LOCALES }).notNull().default("km"),
    khmerDigits: boolean("khmer_digits").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), oneOf("users_locale_check", t.locale, LOCALES)],
);

export const merchantProfiles = pgTable(
  "merchant_profiles",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    bakongAccountId: text("bakong_account_id").notNull(),
    merchantName: text("merchant_name").notNull(),
    merchantCity: text("merchant_city").notNull().default("Phnom Penh"),
    // KHQR's alternate-language template (tag 64, language "km"): bank apps show these to Khmer readers.
    merchantNameKm: text("merchant_name_km"),
    merchantCityKm: text("merchant_city_km"),
    currency: text("currency", { enum: CURRENCIES }).notNull(),
    merchantId: text("merchant_id"),
    acquiringBank: text("acquiring_bank"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [oneOf("merchant_profiles_currency_check", t.currency, CURRENCIES)],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    mode: text("mode", { enum: MODES }).notNull(),
    keyHash: text("key_hash").notNull(),
    hint: text("hint").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("api_keys_key_hash_key").on(t.keyHash),
    index("api_keys_user_idx").on(t.userId, t.createdAt),
    oneOf("api_keys_mode_check", t.mode, MODES),
  ],
);

export const transactions = pgTable(
  "transactions",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mode: text("mode", { enum: MODES }).notNull(),
    apiKeyId: uuid("api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    orderId: text("order_id"),
    md5: text("md5").notNull(),
    // The payment page's id: 244 random bits (two v4 UUIDs), where the md5 can be worked out from public fields.
    publicId: text("public_id")
      .notNull()
      .default(sql`replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`),
    qr: text("qr").notNull(),
    isStatic: boolean("is_static").notNull(),
    amount: numeric("amount", { precision: 16, scale: 2 }),
    currency: text("currency", { enum: CURRENCIES }).notNull(),
    billNumber: text("bill_number"),
    storeLabel: text("store_label"),
    terminalLabel: text("terminal_label"),
    toAccountId: text("to_account_id").notNull(),
    requestFingerprint: text("request_fingerprint").notNull(),
    status: text("status", { enum: TRANSACTION_STATUSES }).notNull().default("pending"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    bakongHash: text("bakong_hash"),
    bakongResponse: jsonb("bakong_response"),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }),
    /** When Bakong's last answer (or an outage) about this transaction was applied: what a waiting check watches. */
    lastAnswerAt: timestamp("last_answer_at", { withTimezone: true }),
    lastCheckError: text("last_check_error"),
    checkCount: integer("check_count").notNull().default(0),
    nextCheckAt: timestamp("next_check_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("transactions_order_key")
      .on(t.userId, t.mode, t.orderId)
      .where(sql`${t.orderId} is not null`),
    // A dynamic QR's md5 is what Bakong indexes the payment under: two orders must never share one.
    uniqueIndex("transactions_dynamic_md5_key")
      .on(t.md5)
      .where(sql`not ${t.isStatic}`),
    index("transactions_md5_idx").on(t.md5),
    uniqueIndex("transactions_public_id_key").on(t.publicId),
    index("transactions_user_created_idx").on(t.userId, t.mode, t.createdAt, t.id),
    index("transactions_due_idx")
      .on(t.nextCheckAt)
      .where(sql`${t.status} = 'pending' and not ${t.isStatic}`),
    oneOf("transactions_mode_check", t.mode, MODES),
    oneOf("transactions_currency_check", t.currency, CURRENCIES),
    oneOf("transactions_status_check", t.status, TRANSACTION_STATUSES),
    // "static" is a static QR's only status: it is never pending, paid or expired.
    check("transactions_static_status_check", sql`${t.isStatic} = (${t.status} = 'static')`),
  ],
);

export const transactionEvents = pgTable(
  "transaction_events",
  {
    id: uuid("id").primaryKey(),
    transactionId: uuid("transaction_id")
      .notNull()
      .references(() => transactions.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: TRANSACTION_EVENT_KINDS }).notNull(),
    detail: jsonb("detail"),
    createdAt: createdAt(),
  },
  (t) => [
    index("transaction_events_tx_idx").on(t.transactionId, t.createdAt),
    oneOf("transaction_events_kind_check", t.kind, TRANSACTION_EVENT_KINDS),
  ],
);

// What the sandbox Bakong simulator reports as paid; written by "Simulate payment" and the sandbox API. A
// payment to a dynamic QR is found by its md5 (once per md5); a payment to a static QR has no md5 of ours
// (the payer's app writes its own string) and is found only by its hash, and only by its own account.
export const sandboxPayments = pgTable(
  "sandbox_payments",
  {
    hash: text("hash").primaryKey(),
    md5: text("md5"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    fromAccountId: text("from_account_id").notNull(),
    toAccountId: text("to_account_id").notNull(),
    amount: numeric("amount", { precision: 16, scale: 2 }).notNull(),
    currency: text("currency", { enum: CURRENCIES }).notNull(),
    createdDateMs: bigint("created_date_ms", { mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("sandbox_payments_md5_key")
      .on(t.md5)
      .where(sql`${t.md5} is not null`),
    index("sandbox_payments_short_hash_idx").on(sql`left(${t.hash}, 8)`),
    oneOf("sandbox_payments_currency_check", t.currency, CURRENCIES),
  ],
);

// A payment Bakong confirmed went to the merchant's account, recorded the first time a receipt is verified.
// Unique per account, mode and full hash: showing the same receipt again finds this row (the double-redemption
// guard). transaction_id links it to the merchant's static QR of that account, amount and currency, if any.
export const verifiedPayments = pgTable(
  "verified_payments",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mode: text("mode", { enum: MODES }).notNull(),
    hash: text("hash").notNull(),
    amount: numeric("amount", { precision: 16, scale: 2 }).notNull(),
    currency: text("currency", { enum: CURRENCIES }).notNull(),
    fromAccountId: text("from_account_id"),
    toAccountId: text("to_account_id").notNull(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    transactionId: uuid("transaction_id").references(() => transactions.id, { onDelete: "set null" }),
    source: text("source", { enum: VERIFICATION_SOURCES }).notNull(),
    apiKeyId: uuid("api_key_id").references(() => apiKeys.id, { onDelete: "set null" }),
    bakongResponse: jsonb("bakong_response"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("verified_payments_hash_key").on(t.userId, t.mode, t.hash),
    index("verified_payments_user_created_idx").on(t.userId, t.mode, t.createdAt),
    index("verified_payments_transaction_idx").on(t.transactionId),
    oneOf("verified_payments_mode_check", t.mode, MODES),
    oneOf("verified_payments_currency_check", t.currency, CURRENCIES),
    oneOf("verified_payments_source_check", t.source, VERIFICATION_SOURCES),
  ],
);

// Daily plan quota, counted in PostgreSQL (money) even when Redis is down. qr_limit is the plan's quota as
// of the last count; the check makes a count past it fail, so the statement creating that QR fails whole.
export const usageDaily = pgTable(
  "usage_daily",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mode: text("mode", { enum: MODES }).notNull(),
    day: date("day").notNull(),
    qrCount: integer("qr_count").notNull().default(0),
    qrLimit: integer("qr_limit").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.mode, t.day] }),
    check("usage_daily_within_quota", sql`${t.qrCount} <= ${t.qrLimit}`),
    oneOf("usage_daily_mode_check", t.mode, MODES),
  ],
);

export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mode: text("mode", { enum: MODES }).notNull(),
    url: text("url").notNull(),
    secret: text("secret").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    disabledReason: text("disabled_reason"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    /** The events this endpoint receives (webhook.test always). */
    events: text("events", { enum: WEBHOOK_EVENTS })
      .array()
      .notNull()
      .default(sql`array['transaction.paid']::text[]`),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_endpoints_user_idx").on(t.userId, t.mode),
    oneOf("webhook_endpoints_mode_check", t.mode, MODES),
    check(
      "webhook_endpoints_events_check",
      sql`${t.events} <@ array[${sql.raw(WEBHOOK_EVENTS.map((event) => `'${event}'`).join(", "))}]::text[]`,
    ),
  ],
);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    transactionId: uuid("transaction_id").references(() => transactions.id, { onDelete: "set null" }),
    event: text("event").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attemptCount: integer("attempt_count").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    oneOf("webhook_deliveries_status_check", t.status, DELIVERY_STATUSES),
  ],
);

export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: uuid("id").primaryKey(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    responseExcerpt: text("response_excerpt"),
    error: text("error"),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attempt)],
);

// What every instance shares about talking to Bakong, one row per mode: the call budget of the current
// minute, the two circuit breakers (the md5-list endpoint refused; Bakong not answering) and the polling
// pass's heartbeat. Small and hot: each row is updated with single conditional statements.
export const bakongState = pgTable(
  "bakong_state",
  {
    mode: text("mode", { enum: MODES }).primaryKey(),
    /** The call budget as a token bucket: refilled at the budget's rate, holding at most a few seconds' worth. */
    budgetTokens: doublePrecision("budget_tokens"),
    budgetRefilledAt: timestamp("budget_refilled_at", { withTimezone: true }),
    /** Calls made in `budget_minute`, for /api/health. */
    budgetMinute: timestamp("budget_minute", { withTimezone: true }),
    callsInMinute: integer("calls_in_minute").notNull().default(0),
    listRefusedUntil: timestamp("list_refused_until", { withTimezone: true }),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    outageUntil: timestamp("outage_until", { withTimezone: true }),
    outageDetail: text("outage_detail"),
    pollerSeenAt: timestamp("poller_seen_at", { withTimezone: true }),
  },
  (t) => [oneOf("bakong_state_mode_check", t.mode, MODES)],
);

// Transactional email (the outbox): written in the transaction that makes the change it tells of, sent by
// the background email pass with retries; with no SMTP_URL in development, "sent" means logged.
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    status: text("status", { enum: EMAIL_STATUSES }).notNull().default("pending"),
    attemptCount: integer("attempt_count").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("email_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index("email_outbox_created_idx").on(t.createdAt),
    oneOf("email_outbox_status_check", t.status, EMAIL_STATUSES),
  ],
);

// Single-use links sent by email. Only the SHA-256 of the token is stored; the link holds the token.
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    tokenHash: text("token_hash").notNull(),
    // The address an email change will set, once the link sent to it is opened.
    newEmail: text("new_email"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("account_tokens_hash_key").on(t.tokenHash),
    index("account_tokens_user_idx").on(t.userId, t.purpose),
    oneOf("account_tokens_purpose_check", t.purpose, ACCOUNT_TOKEN_PURPOSES),
  ],
);

export type User = typeof users.$inferSelect;
export type MerchantProfile = typeof merchantProfiles.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type Transaction = typeof transactions.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type VerifiedPayment = typeof verifiedPayments.$inferSelect;
export type EmailOutboxRow = typeof emailOutbox.$inferSelect;
