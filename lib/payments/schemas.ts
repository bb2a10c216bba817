import { z } from "zod";
import { KHQR_LIMITS } from "@/lib/khqr";
import { ORDER_ID_MAX_LENGTH, QR_EXPIRY_SECONDS } from "@/lib/config/limits";
import { CURRENCIES, MODES, QR_TYPES, TRANSACTION_STATUSES, VERIFICATION_SOURCES } from "@/lib/config/enums";
import { PLAN_NAMES, type Plan } from "@/lib/config/plans";
import { storableString } from "@/lib/std";

const label = (name: string, max: number) =>
  storableString(name).min(1, `${name} must not be empty (leave it out instead)`).max(max, `${name} must be at most ${max} characters`);

const amount = z
  .union(
    [
      // zod 4's number already refuses Infinity and NaN.
      z.number(),
      z
        .string()
        .trim()
        .regex(/^\d+(\.\d+)?$/, "amount must be a number such as 5 or 5.25"),
    ],
    "amount must be a number such as 5 or 5.25",
  )
  .refine((value) => Number(value) >= 0, "amount must not be negative")
  .describe(
    "Amount in major units (dollars or riel). 0 or omitted makes a static, reusable QR. USD allows up to 2 decimals; KHR must be whole. A numeric string is accepted.",
  );

const md5 = z
  .string()
  .regex(/^[0-9a-f]{32}$/i, "md5 must be 32 hexadecimal characters")
  .transform((value) => value.toLowerCase());
const orderId = storableString("order_id")
  .min(1, "order_id must not be empty")
  .max(ORDER_ID_MAX_LENGTH, `order_id must be at most ${ORDER_ID_MAX_LENGTH} characters`);

export const createQrRequest = z.strictObject({
  amount: amount.optional(),
  currency: z
    .enum(CURRENCIES, "currency must be USD or KHR")
    .optional()
    .describe("Defaults to the currency saved in your merchant profile."),
  bill_number: label("bill_number", KHQR_LIMITS.billNumber).optional(),
  store_label: label("store_label", KHQR_LIMITS.storeLabel).optional(),
  terminal_label: label("terminal_label", KHQR_LIMITS.terminalLabel).optional(),
  expires_in_seconds: z
    .number()
    .int("expires_in_seconds must be a whole number")
    .min(QR_EXPIRY_SECONDS.min, `expires_in_seconds must be at least ${QR_EXPIRY_SECONDS.min}`)
    .max(QR_EXPIRY_SECONDS.max, `expires_in_seconds must be at most ${QR_EXPIRY_SECONDS.max}`)
    .optional()
    .describe(`Dynamic QRs only; default ${QR_EXPIRY_SECONDS.default}.`),
  order_id: orderId.optional().describe("Your idempotency key: the same order_id with the same parameters returns the original QR."),
});
export type CreateQrRequest = z.output<typeof createQrRequest>;

export const checkTransactionRequest = z.strictObject({ md5 });
export const byOrderRequest = z.strictObject({ order_id: orderId });
export const sandboxPayRequest = z.strictObject({
  md5,
  amount: amount
    .refine((value) => Number(value) > 0, "amount must be positive")
    .optional()
    .describe("Static QRs only, where it is required: the amount the simulated customer types into their bank app."),
});
export type SandboxPayRequest = z.output<typeof sandboxPayRequest>;

const status = z
  .enum(TRANSACTION_STATUSES)
  .describe(
    "Dynamic QRs: pending until paid, expired after a final check past expires_at found no payment. A static QR is always " +
      '"static": Bakong cannot check a reusable QR by md5 (each payer\'s app writes its own amount into it), so confirm each ' +
      "payment to it from the customer's receipt with POST /transaction/verify.",
  );
const qrType = z
  .enum(QR_TYPES)
  .describe("dynamic: one payment of a fixed amount, expires. static: reusable, the customer types the amount; never pending or paid.");
const isoOrNull = z.string().nullable().describe("ISO 8601 UTC timestamp, or null");
const payUrl = z
  .string()
  .describe("The hosted payment page for this QR (absolute URL): send the customer there instead of rendering the QR yourself.");

export const createQrResponse = z.object({
  qr: z.string().describe("The KHQR string: render it as a QR image."),
  md5: z.string().describe("Lowercase hex MD5 of the QR string: the id Bakong indexes the payment under."),
  type: qrType,
  currency: z.enum(CURRENCIES),
  amount: z.number().nullable(),
  order_id: z.string().nullable(),
  expires_at: isoOrNull,
  status,
  pay_url: payUrl,
  idempotent_replay: z.boolean(),
});

export const checkTransactionResponse = z.object({
  md5: z.string(),
  type: qrType,
  status,
  pay_url: payUrl,
  bakong_response: z.unknown().describe("The last raw answer from Bakong (null before the first check)."),
});

export const transactionByOrderResponse = z.object({
  order_id: z.string(),
  md5: z.string(),
  type: qrType,
  status,
  amount: z.number().nullable(),
  currency: z.enum(CURRENCIES),
  bill_number: z.string().nullable(),
  pay_url: payUrl,
  paid_at: isoOrNull,
  expires_at: isoOrNull,
  created_at: z.string(),
});

export const meResponse = z.object({
  user_id: z.string(),
  mode: z.enum(MODES).describe("The key's mode: live (real Bakong) or test (the sandbox)."),
  plan: z.enum(PLAN_NAMES as [Plan, ...Plan[]]).describe("The account's plan."),
  quota: z
    .object({
      qr_codes_today: z.number().int().describe("QR codes created today (Cambodian calendar day) in this key's mode."),
      daily_limit: z.number().int().describe("The plan's daily quota of new QR codes in this mode; POST /qr answers 429 past it."),
      resets_at: z.string().describe("When the count starts again: the next midnight in Cambodia, ISO 8601 UTC."),
    })
    .describe("Today's use of the plan's quota in this key's mode."),
  merchant: z.object({
    bakong_account_id: z.string().nullable(),
    merchant_name: z.string().nullable(),
    merchant_city: z.string().nullable(),
    currency: z.enum(CURRENCIES).nullable(),
  }),
});

export const sandboxPayResponse = z.object({
  md5: z.string(),
  type: qrType,
  simulated: z.literal(true),
  paid_at: z.string(),
  hash: z.string().describe("The simulated Bakong transaction hash, as the customer's receipt shows it."),
  short_hash: z.string().describe("Its first 8 characters: what bank-app receipts print."),
  amount: z.number(),
  currency: z.enum(CURRENCIES),
});

export const FULL_HASH_LENGTH = 64;
export const SHORT_HASH_LENGTH = 8;
const receiptHash = z
  .string()
  .trim()
  .regex(
    /^([0-9a-f]{64}|[0-9a-f]{8})$/i,
    "hash must be the 64-character Bakong transaction hash or the 8-character short hash printed on the receipt",
  )
  .transform((value) => value.toLowerCase())
  .describe(
    "The Bakong transaction hash from the customer's receipt: all 64 hexadecimal characters, or the first 8 (the short hash bank apps print) together with amount and currency.",
  );

export const verifyReceiptRequest = z
  .strictObject({
    hash: receiptHash,
    amount: amount
      .refine((value) => Number(value) > 0, "amount must be positive")
      .optional()
      .describe("The amount on the receipt, in major units. Required with a short hash; with a full hash, checked when given."),
    currency: z
      .enum(CURRENCIES, "currency must be USD or KHR")
      .optional()
      .describe("The receipt's currency. Required with a short hash; with a full hash, checked when given."),
  })
  .superRefine((request, context) => {
    if (request.hash.length === SHORT_HASH_LENGTH) {
      for (const name of ["amount", "currency"] as const) {
        if (request[name] === undefined)
          context.addIssue({ code: "custom", path: [name], message: `${name} is required with an 8-character short hash` });
      }
    } else if (request.amount !== undefined && request.currency === undefined) {
      context.addIssue({ code: "custom", path: ["currency"], message: "currency is required when amount is given" });
    }
  });
export type VerifyReceiptRequest = z.output<typeof verifyReceiptRequest>;

export const VERIFY_FAILURE_REASONS = ["not_found", "failed", "wrong_account", "amount_mismatch", "currency_mismatch"] as const;
export type VerifyFailureReason = (typeof VERIFY_FAILURE_REASONS)[number];

export const verifyReceiptResponse = z.object({
  verified: z.boolean().describe("true only when Bakong confirms the payment reached this account's Bakong account."),
  reason: z
    .enum(VERIFY_FAILURE_REASONS)
    .nullable()
    .describe(
      "Why verified is false: not_found (Bakong has no such payment), failed (the transfer failed), wrong_account (paid to someone else), amount_mismatch or currency_mismatch (not what you asked about); null when verified.",
    ),
  message: z.string().describe("The answer in words, fit to show a cashier."),
  hash: z.string().describe("The full 64-character hash when Bakong found the payment; otherwise the hash you sent."),
  amount: z.number().nullable().describe("The amount Bakong recorded, in major units; null when not found."),
  currency: z.enum(CURRENCIES).nullable(),
  paid_at: isoOrNull.describe("When the customer paid (Bakong's createdDateMs), ISO 8601 UTC."),
  from_account_id: z.string().nullable().describe("The payer's Bakong account."),
  to_account_id: z.string().nullable().describe("The Bakong account that received the payment."),
  first_verified_at: isoOrNull.describe("When this payment was first verified for this account and mode; null unless verified."),
  first_verified_by: z
    .object({
      source: z.enum(VERIFICATION_SOURCES).describe("api: with an API key; dashboard: on the dashboard's Verify a receipt page."),
      api_key_id: z.string().nullable().describe("The API key that first verified it (api only)."),
    })
    .nullable()
    .describe("Who first verified this payment; null unless verified."),
  already_verified: z
    .boolean()
    .describe("true when this payment had been verified before: the same receipt shown twice. Do not hand the goods over again."),
  static_qr_md5: z
    .string()
    .nullable()
    .describe("The md5 of your static QR (same account and currency, newest first) the payment is recorded against; null if none."),
});
export type VerifyReceiptResponse = z.output<typeof verifyReceiptResponse>;
