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
} from "@/lib/payments/schemas";

/** One public API operation: the single description the OpenAPI document and the /docs page both render. */
export type Endpoint = {
  operationId: string;
  method: "GET" | "POST";
  /** Relative to the base URL /api/v1. */
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
const EXAMPLE_PAY_URL = "https://pay.example.com/pay/4f0c9e2b7d3a41c6a8e5f1d2b3c4a5e6f7081928374655647382910a1b2c3d4e";
// Shortened for reading: a real QR string is 150–250 characters.
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
      "checked with Bakong, at most once every two seconds however often you ask. Poll every ~3 s while the customer is looking at the QR.",
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
    operationId: "me",
    method: "GET",
    path: "/me",
    summary: "The account behind a key",
    description:
      "Returns the account and merchant profile that own the API key. Profile fields are null until the profile is saved in the dashboard.",
    rateLimit: "general",
    response: meResponse,
    responseName: "MeResponse",
    errors: ALWAYS,
    example: {
      response: {
        user_id: "6f1c2d9e-8a51-4a8e-9a47-0c2b8f1d3e55",
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
      "Test keys only. Records a simulated customer payment for a test-mode QR; the next check reports it paid and your webhooks fire, " +
      "exactly as for a real payment. A live key gets 403 forbidden.",
    rateLimit: "general",
    request: sandboxPayRequest,
    requestName: "SandboxPayRequest",
    response: sandboxPayResponse,
    responseName: "SandboxPayResponse",
    errors: ["invalid_input", "payload_too_large", "not_found", ...ALWAYS],
    example: { request: { md5: EXAMPLE_MD5 }, response: { md5: EXAMPLE_MD5, simulated: true, paid_at: "2026-05-13T14:02:11.000Z" } },
  },
];

export function rateLimitOf(endpoint: Endpoint): number | null {
  return endpoint.rateLimit ? API_RATE_LIMITS[endpoint.rateLimit].requestsPerMinute : null;
}
