import { z } from "zod";
import { KHQR_LIMITS } from "@/lib/khqr";
import { ORDER_ID_MAX_LENGTH, QR_EXPIRY_SECONDS } from "@/lib/config/limits";
import { CURRENCIES, TRANSACTION_STATUSES } from "@/lib/config/enums";
import { storableString } from "@/lib/std";

const label = (name: string, max: number) =>
  storableString(name).min(1, `${name} must not be empty (leave it out instead)`).max(max, `${name} must be at most ${max} characters`);

const amount = z
  .union([
    z.number().refine(Number.isFinite, "amount must be a finite number"),
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, "amount must be a number such as 5 or 5.25"),
  ])
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
export const sandboxPayRequest = z.strictObject({ md5 });

const status = z.enum(TRANSACTION_STATUSES);
const isoOrNull = z.string().nullable().describe("ISO 8601 UTC timestamp, or null");
const payUrl = z
  .string()
  .describe("The hosted payment page for this QR (absolute URL): send the customer there instead of rendering the QR yourself.");

export const createQrResponse = z.object({
  qr: z.string().describe("The KHQR string: render it as a QR image."),
  md5: z.string().describe("Lowercase hex MD5 of the QR string: the id Bakong indexes the payment under."),
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
  status,
  pay_url: payUrl,
  bakong_response: z.unknown().describe("The last raw answer from Bakong (null before the first check)."),
});

export const transactionByOrderResponse = z.object({
  order_id: z.string(),
  md5: z.string(),
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
  merchant: z.object({
    bakong_account_id: z.string().nullable(),
    merchant_name: z.string().nullable(),
    merchant_city: z.string().nullable(),
    currency: z.enum(CURRENCIES).nullable(),
  }),
});

export const sandboxPayResponse = z.object({ md5: z.string(), simulated: z.literal(true), paid_at: z.string() });
