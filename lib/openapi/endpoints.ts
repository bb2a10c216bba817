import type { z } from "zod";
import type { ErrorCode } from "@/lib/errors";
import { API_RATE_LIMITS, type RateLimitedRoute } from "@/lib/config/rate-limits";
import "./field-descriptions";
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
  verifyReceiptRequest,
  verifyReceiptResponse,
} from "@/lib/payments/schemas";
import { createPaymentLinkRequest, paymentLinkListResponse, paymentLinkResponse, updatePaymentLinkRequest } from "@/lib/links";

/** One public API operation: the single description the OpenAPI document and the /docs page both render. */
export type Endpoint = {
  operationId: string;
  method: "GET" | "POST" | "PATCH";
  /** Relative to the base URL /api/v1; `{id}` is a path parameter. */
  path: string;
  summary: string;
  description: string;
  /** Absent for the one unauthenticated route (the OpenAPI document itself). */
  rateLimit?: RateLimitedRoute;
  request?: z.ZodType;
  response: z.ZodType;
  responseName: string;
  requestName?: string;
  errors: ErrorCode[];
  example: { request?: unknown; response: unknown };
};

const ALWAYS: ErrorCode[] = ["unauthorized", "forbidden", "method_not_allowed", "rate_limit_exceeded", "internal_error"];

const EXAMPLE_MD5 = "d60f3db96913029a2af979a1662c1e72";
const EXAMPLE_HASH = "8a3f5c0e9b7d41a2c6e8f0b1d3a5c7e9f1b3d5a7c9e1f3b5d7a9c1e3f5b7d9a1";
const EXAMPLE_PAY_URL = "https://pay.example.com/pay/4f0c9e2b7d3a41c6a8e5f1d2b3c4a5e6f7081928374655647382910a1b2c3d4e";
// Shortened for reading: a real QR string is 150–250 characters.
const EXAMPLE_LINK = {
  id: "3b8f6a2e-1c4d-4e5f-9a7b-2c3d4e5f6a7b",
  url: "https://pay.example.com/l/7GqK2mXw9RtY4vBn8cLp3ZsD",
  mode: "live",
  title: "Iced latte",
  description: null,
  currency: "USD",
  amount: 2.5,
  min_amount: null,
  max_amount: null,
  bill_number_prefix: "LATTE",
  reusable: true,
  expires_at: null,
  success_url: "https://shop.example.com/thanks",
  status: "active",
  payments: { count: 12, total: 30 },
  created_at: "2026-05-13T14:00:00.000Z",
};
const LINK_ERRORS: ErrorCode[] = ["not_found", ...ALWAYS];
const EXAMPLE_QR = "00020101021229200016coffee_shop@aclb5204599953038405404" + "5.005802KH5911Coffee Shop…6304A13F";

export const ENDPOINTS: Endpoint[] = [
  {
    operationId: "createQr",
    method: "POST",
    path: "/qr",
    summary: "Create a KHQR",
    description:
      "Creates a Bakong KHQR for your merchant profile. With a positive amount the QR is dynamic: it is for exactly that amount and expires. " +
      "Without an amount (or 0) it is a static QR the customer types the amount into, reusable forever. Sending an order_id makes the call idempotent.",
    rateLimit: "qr",
    request: createQrRequest,
    requestName: "CreateQrRequest",
    response: createQrResponse,
    responseName: "CreateQrResponse",
    errors: ["invalid_input", "payload_too_large", "merchant_not_configured", "conflict", ...ALWAYS],
    example: {
      request: { amount: 5, currency: "USD", bill_number: "INV-001", order_id: "ORDER-1042" },
      response: {
        qr: EXAMPLE_QR,
        md5: EXAMPLE_MD5,
        currency: "USD",
        amount: 5,
        order_id: "ORDER-1042",
        expires_at: "2026-05-13T14:15:00.000Z",
        type: "dynamic",
        status: "pending",
        pay_url: EXAMPLE_PAY_URL,
        idempotent_replay: false,
      },
    },
  },
  {
    operationId: "checkTransaction",
    method: "POST",
    path: "/transaction/check",
    summary: "Check a payment",
    description:
      "Tells whether the QR with this md5 has been paid. Settled payments (paid or expired) are answered from our records; a pending one is " +
      "checked with Bakong, at most once every two seconds however often you ask. Poll every ~3 s while the customer is looking at the QR. " +
      'A static QR always answers status "static": Bakong cannot check a reusable QR by md5, so verify each payment to it from the ' +
      "customer's receipt with POST /transaction/verify.",
    rateLimit: "check",
    request: checkTransactionRequest,
    requestName: "CheckTransactionRequest",
    response: checkTransactionResponse,
    responseName: "CheckTransactionResponse",
    errors: ["invalid_input", "payload_too_large", "not_found", "bakong_unavailable", ...ALWAYS],
    example: {
      request: { md5: EXAMPLE_MD5 },
      response: {
        md5: EXAMPLE_MD5,
        type: "dynamic",
        status: "paid",
        pay_url: EXAMPLE_PAY_URL,
        bakong_response: { responseCode: 0, responseMessage: "Success", errorCode: null, data: { hash: "8a3f…" } },
      },
    },
  },
  {
    operationId: "transactionByOrder",
    method: "POST",
    path: "/transaction/by-order",
    summary: "Look up a payment by order id",
    description:
      "Finds a payment by the order_id you sent when creating it: handy in an admin panel where you have your order but not the md5.",
    rateLimit: "by_order",
    request: byOrderRequest,
    requestName: "TransactionByOrderRequest",
    response: transactionByOrderResponse,
    responseName: "TransactionByOrderResponse",
    errors: ["invalid_input", "payload_too_large", "not_found", ...ALWAYS],
    example: {
      request: { order_id: "ORDER-1042" },
      response: {
        order_id: "ORDER-1042",
        md5: EXAMPLE_MD5,
        type: "dynamic",
        status: "paid",
        amount: 5,
        currency: "USD",
        bill_number: "INV-001",
        pay_url: EXAMPLE_PAY_URL,
        paid_at: "2026-05-13T14:02:11.000Z",
        expires_at: "2026-05-13T14:15:00.000Z",
        created_at: "2026-05-13T14:00:00.000Z",
      },
    },
  },
  {
    operationId: "verifyReceipt",
    method: "POST",
    path: "/transaction/verify",
    summary: "Verify a receipt",
    description:
      "Asks Bakong about the payment on a customer's receipt and answers whether it reached your Bakong account: the way to confirm " +
      "payments to a static QR, and useful for dynamic ones too. Send the 64-character transaction hash, or the 8-character short hash " +
      "bank apps print together with amount and currency. Not found, failed, or paid to another account answer 200 with verified: false " +
      "and a reason. Each verified payment is recorded once per account and mode: showing the same receipt again answers " +
      "already_verified: true with when and by whom it was first verified, so it cannot be redeemed twice. A payment is recorded against " +
      "your newest static QR of the same account and currency. Bakong unreachable → 502 (unknown, never read as unpaid).",
    rateLimit: "verify",
    request: verifyReceiptRequest,
    requestName: "VerifyReceiptRequest",
    response: verifyReceiptResponse,
    responseName: "VerifyReceiptResponse",
    errors: ["invalid_input", "merchant_not_configured", "bakong_unavailable", ...ALWAYS],
    example: {
      request: { hash: EXAMPLE_HASH.slice(0, 8), amount: 7.5, currency: "USD" },
      response: {
        verified: true,
        reason: null,
        message: "Paid: the payment reached your Bakong account.",
        hash: EXAMPLE_HASH,
        amount: 7.5,
        currency: "USD",
        paid_at: "2026-05-13T14:02:11.000Z",
        from_account_id: "customer@abaa",
        to_account_id: "coffee_shop@aclb",
        first_verified_at: "2026-05-13T14:02:40.000Z",
        first_verified_by: { source: "api", api_key_id: "0b9d7e0c-3f1a-4c2e-9d8b-6a5f4e3d2c1b" },
        already_verified: false,
        static_qr_md5: EXAMPLE_MD5,
      },
    },
  },
  {
    operationId: "me",
    method: "GET",
    path: "/me",
    summary: "The account behind a key",
    description:
      "Returns the account and merchant profile that own the API key, the key's mode, the plan and today's use of its daily QR quota in that mode. " +
      "Profile fields are null until the profile is saved in the dashboard.",
    rateLimit: "general",
    response: meResponse,
    responseName: "MeResponse",
    errors: ALWAYS,
    example: {
      response: {
        user_id: "6f1c2d9e-8a51-4a8e-9a47-0c2b8f1d3e55",
        mode: "live",
        plan: "free",
        quota: { qr_codes_today: 12, daily_limit: 100, resets_at: "2026-05-13T17:00:00.000Z" },
        merchant: { bakong_account_id: "coffee_shop@aclb", merchant_name: "Coffee Shop", merchant_city: "Phnom Penh", currency: "USD" },
      },
    },
  },
  {
    operationId: "sandboxPay",
    method: "POST",
    path: "/sandbox/transactions/pay",
    summary: "Simulate a payment (sandbox)",
    description:
      "Test keys only. Records a simulated customer payment for a test-mode QR. A dynamic QR: the next check reports it paid and your " +
      "webhooks fire, exactly as for a real payment; paying it again answers the original payment; an expired QR answers 409 conflict " +
      "and stays expired. A static QR: send the amount the customer types; each call is a new payment whose hash (and 8-character " +
      "short hash) you then verify with POST /transaction/verify, as a cashier would from the receipt. A live key gets 403 forbidden.",
    rateLimit: "general",
    request: sandboxPayRequest,
    requestName: "SandboxPayRequest",
    response: sandboxPayResponse,
    responseName: "SandboxPayResponse",
    errors: ["invalid_input", "payload_too_large", "not_found", "conflict", ...ALWAYS],
    example: {
      request: { md5: EXAMPLE_MD5 },
      response: {
        md5: EXAMPLE_MD5,
        type: "dynamic",
        simulated: true,
        paid_at: "2026-05-13T14:02:11.000Z",
        hash: EXAMPLE_HASH,
        short_hash: EXAMPLE_HASH.slice(0, 8),
        amount: 5,
        currency: "USD",
      },
    },
  },
  {
    operationId: "createPaymentLink",
    method: "POST",
    path: "/payment-links",
    summary: "Create a payment link",
    description:
      "Creates a page at /l/<slug> where customers pay you without any code of yours: a fixed amount, or one the customer chooses " +
      "(optionally between min_amount and max_amount). Each payment through it is an ordinary transaction made as POST /qr makes one " +
      "(your plan's quota, webhooks, history, CSV), with the link's id on it. With success_url the customer is sent there after paying, " +
      "with link, md5, order_id, t and sig (HMAC-SHA256 with the link's signing secret, shown in the dashboard) in the query.",
    rateLimit: "links",
    request: createPaymentLinkRequest,
    requestName: "CreatePaymentLinkRequest",
    response: paymentLinkResponse,
    responseName: "PaymentLink",
    errors: ["invalid_input", "payload_too_large", "merchant_not_configured", ...ALWAYS],
    example: {
      request: {
        title: "Iced latte",
        currency: "USD",
        amount: 2.5,
        bill_number_prefix: "LATTE",
        success_url: "https://shop.example.com/thanks",
      },
      response: { ...EXAMPLE_LINK, payments: { count: 0, total: 0 } },
    },
  },
  {
    operationId: "listPaymentLinks",
    method: "GET",
    path: "/payment-links",
    summary: "List payment links",
    description: "The key's mode's payment links, newest first (the newest 100), each with its paid payments' count and total.",
    rateLimit: "links",
    response: paymentLinkListResponse,
    responseName: "PaymentLinkList",
    errors: ALWAYS,
    example: { response: { data: [EXAMPLE_LINK] } },
  },
  {
    operationId: "getPaymentLink",
    method: "GET",
    path: "/payment-links/{id}",
    summary: "Get a payment link",
    description: "One payment link of the key's account and mode, by its id.",
    rateLimit: "links",
    response: paymentLinkResponse,
    responseName: "PaymentLink",
    errors: LINK_ERRORS,
    example: { response: EXAMPLE_LINK },
  },
  {
    operationId: "deactivatePaymentLink",
    method: "PATCH",
    path: "/payment-links/{id}",
    summary: "Deactivate a payment link",
    description:
      'Send {"active": false}: the link\'s page then answers 410 Gone and takes no new payments (a QR a customer already has open stays ' +
      "payable until it expires). Deactivating is final and repeatable: a deactivated link answers as it is.",
    rateLimit: "links",
    request: updatePaymentLinkRequest,
    requestName: "UpdatePaymentLinkRequest",
    response: paymentLinkResponse,
    responseName: "PaymentLink",
    errors: ["invalid_input", "payload_too_large", ...LINK_ERRORS],
    example: { request: { active: false }, response: { ...EXAMPLE_LINK, status: "deactivated" } },
  },
];

export function rateLimitOf(endpoint: Endpoint): number | null {
  return endpoint.rateLimit ? API_RATE_LIMITS[endpoint.rateLimit].requestsPerMinute : null;
}
