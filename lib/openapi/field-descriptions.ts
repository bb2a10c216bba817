import { z } from "zod";
import {
  byOrderRequest,
  checkTransactionRequest,
  checkTransactionResponse,
  createQrRequest,
  createQrResponse,
  meResponse,
  sandboxPayRequest,
  sandboxPayResponse,
  transactionByOrderResponse,
} from "@/lib/payments/schemas";

/**
 * Reader-facing descriptions for the fields lib/payments/schemas leaves undescribed. They are attached to
 * the very schema objects the routes validate with (zod's global registry, the store `.describe()` writes
 * to), so a renamed or removed field fails to compile here instead of leaving stale docs.
 */
const DESCRIPTIONS: [z.ZodType, string][] = [
  [createQrRequest.shape.bill_number, "Your invoice or bill number, shown in the customer's bank app."],
  [createQrRequest.shape.store_label, "Which shop or branch the payment is for."],
  [createQrRequest.shape.terminal_label, "Which till or device created the QR."],
  [checkTransactionRequest.shape.md5, "The md5 returned by POST /qr (32 hexadecimal characters)."],
  [byOrderRequest.shape.order_id, "The order_id you sent to POST /qr."],
  [sandboxPayRequest.shape.md5, "The md5 returned by POST /qr (32 hexadecimal characters)."],
  [createQrResponse.shape.currency, "The QR's currency: yours by default."],
  [createQrResponse.shape.amount, "The amount the QR charges; null for a static QR."],
  [createQrResponse.shape.order_id, "Your order_id, or null when none was sent."],
  [createQrResponse.shape.expires_at, "When a dynamic QR stops being payable (ISO 8601 UTC); null for static QRs."],
  [createQrResponse.shape.idempotent_replay, "true when this answer replays an earlier request with the same order_id."],
  [checkTransactionResponse.shape.md5, "The md5 you asked about."],
  [transactionByOrderResponse.shape.order_id, "Your order id."],
  [transactionByOrderResponse.shape.md5, "The md5 of the QR."],
  [transactionByOrderResponse.shape.amount, "The amount the QR charges; null for a static QR."],
  [transactionByOrderResponse.shape.currency, "USD or KHR."],
  [transactionByOrderResponse.shape.bill_number, "The bill number sent with the QR, if any."],
  [transactionByOrderResponse.shape.created_at, "When the QR was created, ISO 8601 UTC."],
  [meResponse.shape.user_id, "Your account id."],
  [meResponse.shape.merchant, "Your merchant profile; every field is null until it is saved in the dashboard."],
  [meResponse.shape.merchant.shape.bakong_account_id, "The Bakong account payments go to (name@bank)."],
  [meResponse.shape.merchant.shape.merchant_name, "The name customers see in their bank app."],
  [meResponse.shape.merchant.shape.merchant_city, "The city written into your QR codes."],
  [meResponse.shape.merchant.shape.currency, "The currency used when POST /qr does not say."],
  [sandboxPayResponse.shape.md5, "The md5 that was paid."],
  [sandboxPayResponse.shape.simulated, "Always true: no real money moved."],
  [sandboxPayResponse.shape.paid_at, "The simulated payment time, ISO 8601 UTC (the original one when the QR was already paid)."],
  [sandboxPayResponse.shape.amount, "The amount paid, in major units."],
  [sandboxPayResponse.shape.currency, "The QR's currency."],
];

for (const [schema, description] of DESCRIPTIONS) {
  // A description written in lib/payments itself wins.
  if (!z.globalRegistry.get(schema)?.description) z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), description });
}
