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
  ALERT_CHANNELS,
  ALERT_SCOPES,
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
    // Getting-started facts, written by the statement or transaction that makes each true, so the overview
    // reads them with the account instead of searching a million transactions.
    firstPaidAt: timestamp("first_paid_at", { withTimezone: true }),
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

// A payment link: a page at /l/<slug> where customers pay the merchant without any code of the merchant's.
// Either a fixed amount, or one the customer chooses between optional bounds (never both). Each payment
// through it is an ordinary transaction (transactions.payment_link_id). The slug is 128+ random bits.
export const paymentLinks = pgTable(
  "payment_links",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mode: text("mode", { enum: MODES }).notNull(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description"),
    currency: text("currency", { enum: CURRENCIES }).notNull(),
    amount: numeric("amount", { precision: 16, scale: 2 }),
    minAmount: numeric("min_amount", { precision: 16, scale: 2 }),
    maxAmount: numeric("max_amount", { precision: 16, scale: 2 }),
    billNumberPrefix: text("bill_number_prefix"),
    reusable: boolean("reusable").notNull().default(true),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    successUrl: text("success_url"),
    /** The HMAC key of the signed success redirect (whsec_…, like a webhook endpoint's). */
    signingSecret: text("signing_secret").notNull(),
    active: boolean("active").notNull().default(true),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    /** When a single-use link was paid: from then on it is closed like a deactivated one. */
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("payment_links_slug_key").on(t.slug),
    index("payment_links_user_created_idx").on(t.userId, t.mode, t.createdAt, t.id),
    oneOf("payment_links_mode_check", t.mode, MODES),
    oneOf("payment_links_currency_check", t.currency, CURRENCIES),
    check("payment_links_amount_kind_check", sql`${t.amount} is null or (${t.minAmount} is null and ${t.maxAmount} is null)`),
    check("payment_links_bounds_check", sql`${t.minAmount} is null or ${t.maxAmount} is null or ${t.minAmount} <= ${t.maxAmount}`),
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
    // A polling pass's claim: in a column no index covers, so taking the lease can be a HOT update that
    // leaves the table's indexes alone (next_check_at changes once, when the answer is applied).
    leasedUntil: timestamp("leased_until", { withTimezone: true }),
    /** The payment link the customer paid through, if any. */
    paymentLinkId: uuid("payment_link_id").references((): AnyPgColumn => paymentLinks.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("transactions_payment_link_idx")
      .on(t.paymentLinkId, t.createdAt)
      .where(sql`${t.paymentLinkId} is not null`),
    // text_pattern_ops: the database collation is not C, and the dashboard's prefix search (LIKE 'x%') can
    // use only a pattern-ops index; equality (ON CONFLICT, by-order) uses it just as well.
    uniqueIndex("transactions_order_key")
      .on(t.userId, t.mode, t.orderId.op("text_pattern_ops"))
      .where(sql`${t.orderId} is not null`),
    index("transactions_bill_number_idx")
      .on(t.userId, t.mode, t.billNumber.op("text_pattern_ops"))
      .where(sql`${t.billNumber} is not null`),
    // A dynamic QR's md5 is what Bakong indexes the payment under: two orders must never share one.
    uniqueIndex("transactions_dynamic_md5_key")
      .on(t.md5)
      .where(sql`not ${t.isStatic}`),
    index("transactions_md5_idx").on(t.md5.op("text_pattern_ops")),
    uniqueIndex("transactions_public_id_key").on(t.publicId),
    index("transactions_user_created_idx").on(t.userId, t.mode, t.createdAt, t.id),
    // A status filter newest first, however rare the status (pending once old QRs expired).
    index("transactions_user_status_idx").on(t.userId, t.mode, t.status, t.createdAt, t.id),
    // Today's paid count and totals: an index-only range scan over today's payments (currency and amount
    // are key columns because drizzle-kit cannot write INCLUDE).
    index("transactions_paid_idx")
      .on(t.userId, t.mode, t.paidAt, t.currency, t.amount)
      .where(sql`${t.status} = 'paid'`),
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

/**
 * A sign-up waiting for its address to be proven: the account is created only when the link emailed to the
 * address is used, so nobody can hold an address they do not own, and the form never says whether an
 * account already exists.
 */
export const signUpRequests = pgTable(
  "sign_up_requests",
  {
    id: uuid("id").primaryKey(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    tokenHash: text("token_hash").notNull(),
    // The sign-up page's language: the account's, once created.
    locale: text("locale", { enum: LOCALES }).notNull().default("km"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sign_up_requests_token_hash_key").on(t.tokenHash), oneOf("sign_up_requests_locale_check", t.locale, LOCALES)],
);

/** Where sending a message stands: what lib/db/outbox.ts claims by, and what its sender records. */
const sendingState = () => ({
  status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
  attemptCount: integer("attempt_count").notNull().default(0),
  nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  lastError: text("last_error"),
  sentAt: timestamp("sent_at", { withTimezone: true }),
});

// A Telegram chat (private or group) a merchant connected with a one-time code, and what it is alerted about.
// Disconnected by the merchant or when Telegram answers 403 (the bot was blocked or removed): kept for the log.
export const telegramChats = pgTable(
  "telegram_chats",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    chatId: bigint("chat_id", { mode: "number" }).notNull(),
    title: text("title").notNull(),
    scope: text("scope", { enum: ALERT_SCOPES }).notNull(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    connectedAt: timestamp("connected_at", { withTimezone: true }).notNull().defaultNow(),
    disconnectedAt: timestamp("disconnected_at", { withTimezone: true }),
    disconnectReason: text("disconnect_reason"),
  },
  (t) => [
    uniqueIndex("telegram_chats_user_chat_key").on(t.userId, t.chatId),
    index("telegram_chats_chat_idx").on(t.chatId),
    oneOf("telegram_chats_scope_check", t.scope, ALERT_SCOPES),
    oneOf("telegram_chats_locale_check", t.locale, LOCALES),
  ],
);

// One-time codes of the "Connect Telegram" link (t.me/<bot>?start=<code>): stored hashed, short-lived,
// used once; the chat that used it is kept so the dashboard can show that the connection worked.
export const telegramConnectCodes = pgTable(
  "telegram_connect_codes",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    scope: text("scope", { enum: ALERT_SCOPES }).notNull(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    telegramChatId: uuid("telegram_chat_id").references(() => telegramChats.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("telegram_connect_codes_hash_key").on(t.codeHash),
    oneOf("telegram_connect_codes_scope_check", t.scope, ALERT_SCOPES),
    oneOf("telegram_connect_codes_locale_check", t.locale, LOCALES),
  ],
);

// Email alerts of an account: present = on, to the account's email address.
export const emailAlertSettings = pgTable(
  "email_alert_settings",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    scope: text("scope", { enum: ALERT_SCOPES }).notNull(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [oneOf("email_alert_settings_scope_check", t.scope, ALERT_SCOPES), oneOf("email_alert_settings_locale_check", t.locale, LOCALES)],
);

// Payment alerts (the outbox and its log): written in the transaction that marks a payment paid (or records a
// verified receipt), one row per channel, unique per payment and chat (and per payment for email), so an alert
// exists once. Telegram rows are sent by the alert pass; an email row hands its message to the email outbox.
export const paymentAlerts = pgTable(
  "payment_alerts",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    transactionId: uuid("transaction_id").references(() => transactions.id, { onDelete: "cascade" }),
    verifiedPaymentId: uuid("verified_payment_id").references(() => verifiedPayments.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: ALERT_CHANNELS }).notNull(),
    telegramChatId: uuid("telegram_chat_id").references(() => telegramChats.id, { onDelete: "cascade" }),
    emailId: uuid("email_id").references(() => emailOutbox.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    ...sendingState(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("payment_alerts_telegram_key")
      .on(t.transactionId, t.telegramChatId)
      .where(sql`${t.telegramChatId} is not null`),
    uniqueIndex("payment_alerts_email_key")
      .on(t.transactionId)
      .where(sql`${t.channel} = 'email'`),
    uniqueIndex("payment_alerts_receipt_telegram_key")
      .on(t.verifiedPaymentId, t.telegramChatId)
      .where(sql`${t.telegramChatId} is not null`),
    uniqueIndex("payment_alerts_receipt_email_key")
      .on(t.verifiedPaymentId)
      .where(sql`${t.channel} = 'email'`),
    index("payment_alerts_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index("payment_alerts_user_created_idx").on(t.userId, t.createdAt),
    oneOf("payment_alerts_channel_check", t.channel, ALERT_CHANNELS),
    oneOf("payment_alerts_status_check", t.status, DELIVERY_STATUSES),
    // An alert tells of one thing: a paid QR or a verified receipt.
    check("payment_alerts_subject_check", sql`(${t.transactionId} is null) <> (${t.verifiedPaymentId} is null)`),
  ],
);

// The bot's replies in chats (the connection confirmation, "code not valid"): an outbox like the alerts',
// written with the update's effect (in the transaction that connects the chat), one per Telegram update,
// so an update delivered twice is answered once. chat_id is Telegram's: the chat may not be connected.
export const telegramReplies = pgTable(
  "telegram_replies",
  {
    id: uuid("id").primaryKey(),
    updateId: bigint("update_id", { mode: "number" }).notNull(),
    chatId: bigint("chat_id", { mode: "number" }).notNull(),
    text: text("text").notNull(),
    ...sendingState(),
    createdAt: createdAt(),
  },
  (t) => [
    // With the chat: update ids count per bot, and a deployment may change its bot.
    uniqueIndex("telegram_replies_update_key").on(t.chatId, t.updateId),
    index("telegram_replies_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    oneOf("telegram_replies_status_check", t.status, DELIVERY_STATUSES),
  ],
);

// The bot's shared state, one row: the getUpdates offset and the lease of the one instance polling (two
// pollers of one token steal each other's updates), and when a webhook was last set.
export const telegramState = pgTable("telegram_state", {
  id: text("id").primaryKey(),
  updateOffset: bigint("update_offset", { mode: "number" }).notNull().default(0),
  pollLeaseUntil: timestamp("poll_lease_until", { withTimezone: true }),
  webhookUrl: text("webhook_url"),
});

export type User = typeof users.$inferSelect;
export type MerchantProfile = typeof merchantProfiles.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type Transaction = typeof transactions.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type VerifiedPayment = typeof verifiedPayments.$inferSelect;
export type EmailOutboxRow = typeof emailOutbox.$inferSelect;
export type PaymentLink = typeof paymentLinks.$inferSelect;
export type TelegramChat = typeof telegramChats.$inferSelect;
export type PaymentAlert = typeof paymentAlerts.$inferSelect;
export type TelegramReply = typeof telegramReplies.$inferSelect;
