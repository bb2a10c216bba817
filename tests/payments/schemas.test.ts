import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ORDER_ID_MAX_LENGTH, QR_EXPIRY_SECONDS } from "@/lib/config/limits";
import { KHQR_LIMITS } from "@/lib/khqr";
import {
  byOrderRequest,
  checkTransactionRequest,
  createQrRequest,
  createQrResponse,
  checkTransactionResponse,
  meResponse,
  sandboxPayRequest,
  sandboxPayResponse,
  transactionByOrderResponse,
  verifyReceiptRequest,
  verifyReceiptResponse,
} from "@/lib/payments/schemas";

// The request schemas are what every route, form and the OpenAPI document validate with: what a merchant
// sends is accepted or refused here, with these exact messages on these fields.

const MD5 = "0123456789abcdef0123456789abcdef";
const HASH = "ab".repeat(32);

/** What a refused value is told, as the API and forms tell it: the first issue of each field, with its path. */
function refusal(schema: z.ZodType, input: unknown): { path: PropertyKey[]; message: string }[] {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  const firstPerField = new Map<string, { path: PropertyKey[]; message: string }>();
  for (const { path, message } of result.error!.issues) {
    if (!firstPerField.has(path.join("."))) firstPerField.set(path.join("."), { path, message });
  }
  return [...firstPerField.values()];
}

describe("amount (creating a QR)", () => {
  it.each([
    [5, 5],
    [0, 0],
    ["5", "5"],
    ["5.25", "5.25"],
    ["15", "15"],
    [" 5.25 ", "5.25"],
  ])("accepts %j as %j", (sent, parsed) => {
    expect(createQrRequest.parse({ amount: sent })).toEqual({ amount: parsed });
  });

  it.each(["a5", "5a", "5.", ".5", "5.2.5", "", "-5", "5,25"])("refuses the text %j as not a number", (sent) => {
    expect(refusal(createQrRequest, { amount: sent })).toEqual([
      { path: ["amount"], message: "amount must be a number such as 5 or 5.25" },
    ]);
  });

  it("refuses a value that is neither number nor text, and a number that is not finite", () => {
    for (const sent of [true, null, [], Infinity, Number.NaN]) {
      expect(refusal(createQrRequest, { amount: sent })).toEqual([
        { path: ["amount"], message: "amount must be a number such as 5 or 5.25" },
      ]);
    }
  });

  it("refuses a negative number", () => {
    expect(refusal(createQrRequest, { amount: -0.01 })).toEqual([{ path: ["amount"], message: "amount must not be negative" }]);
  });
});

describe("createQrRequest", () => {
  it("accepts every field at its limits", () => {
    const request = {
      amount: 1,
      currency: "KHR",
      bill_number: "b".repeat(KHQR_LIMITS.billNumber),
      store_label: "s".repeat(KHQR_LIMITS.storeLabel),
      terminal_label: "t",
      expires_in_seconds: QR_EXPIRY_SECONDS.max,
      order_id: "o".repeat(ORDER_ID_MAX_LENGTH),
    };
    expect(createQrRequest.parse(request)).toEqual(request);
    expect(createQrRequest.parse({ expires_in_seconds: QR_EXPIRY_SECONDS.min, order_id: "o", bill_number: "bn" })).toEqual({
      expires_in_seconds: QR_EXPIRY_SECONDS.min,
      order_id: "o",
      bill_number: "bn",
    });
  });

  it.each([
    ["bill_number", KHQR_LIMITS.billNumber],
    ["store_label", KHQR_LIMITS.storeLabel],
    ["terminal_label", KHQR_LIMITS.terminalLabel],
  ])("refuses %s empty, too long, or with a NUL, naming the field", (field, max) => {
    expect(refusal(createQrRequest, { [field]: "" })).toEqual([
      { path: [field], message: `${field} must not be empty (leave it out instead)` },
    ]);
    expect(refusal(createQrRequest, { [field]: "x".repeat(max + 1) })).toEqual([
      { path: [field], message: `${field} must be at most ${max} characters` },
    ]);
    expect(refusal(createQrRequest, { [field]: "a\u0000b" })).toEqual([
      { path: [field], message: `${field} must not contain NUL characters or unpaired surrogates` },
    ]);
  });

  it("refuses an order_id empty, too long or with an unpaired surrogate", () => {
    expect(refusal(createQrRequest, { order_id: "" })).toEqual([{ path: ["order_id"], message: "order_id must not be empty" }]);
    expect(refusal(createQrRequest, { order_id: "o".repeat(ORDER_ID_MAX_LENGTH + 1) })).toEqual([
      { path: ["order_id"], message: `order_id must be at most ${ORDER_ID_MAX_LENGTH} characters` },
    ]);
    expect(refusal(createQrRequest, { order_id: "S-\ud800" })).toEqual([
      { path: ["order_id"], message: "order_id must not contain NUL characters or unpaired surrogates" },
    ]);
  });

  it("refuses an expiry that is fractional or outside its bounds", () => {
    const expiry = (value: number) => refusal(createQrRequest, { expires_in_seconds: value });
    expect(expiry(60.5)).toEqual([{ path: ["expires_in_seconds"], message: "expires_in_seconds must be a whole number" }]);
    expect(expiry(QR_EXPIRY_SECONDS.min - 1)).toEqual([
      { path: ["expires_in_seconds"], message: `expires_in_seconds must be at least ${QR_EXPIRY_SECONDS.min}` },
    ]);
    expect(expiry(QR_EXPIRY_SECONDS.max + 1)).toEqual([
      { path: ["expires_in_seconds"], message: `expires_in_seconds must be at most ${QR_EXPIRY_SECONDS.max}` },
    ]);
  });

  it("refuses a currency other than USD or KHR, and any field it does not know", () => {
    expect(refusal(createQrRequest, { currency: "EUR" })).toEqual([{ path: ["currency"], message: "currency must be USD or KHR" }]);
    expect(refusal(createQrRequest, { amount: 1, amout: 1 })).toEqual([{ path: [], message: 'Unrecognized key: "amout"' }]);
  });
});

describe("md5 and order_id lookups", () => {
  it("accept an md5 in either case, read as lowercase", () => {
    expect(checkTransactionRequest.parse({ md5: MD5.toUpperCase() })).toEqual({ md5: MD5 });
    expect(byOrderRequest.parse({ order_id: "A-1" })).toEqual({ order_id: "A-1" });
  });

  it.each([`x${MD5}`, `${MD5}x`, MD5.slice(1), "z".repeat(32), ""])("refuse the md5 %j", (md5) => {
    expect(refusal(checkTransactionRequest, { md5 })).toEqual([{ path: ["md5"], message: "md5 must be 32 hexadecimal characters" }]);
  });

  it("refuse an empty order_id and fields they do not know", () => {
    expect(refusal(byOrderRequest, { order_id: "" })).toEqual([{ path: ["order_id"], message: "order_id must not be empty" }]);
    expect(refusal(checkTransactionRequest, { md5: MD5, extra: 1 })).toEqual([{ path: [], message: 'Unrecognized key: "extra"' }]);
  });
});

describe("sandboxPayRequest", () => {
  it("takes an md5 and an optional positive amount", () => {
    expect(sandboxPayRequest.parse({ md5: MD5.toUpperCase() })).toEqual({ md5: MD5 });
    expect(sandboxPayRequest.parse({ md5: MD5, amount: "0.01" })).toEqual({ md5: MD5, amount: "0.01" });
  });

  it("refuses an amount of 0 or less", () => {
    expect(refusal(sandboxPayRequest, { md5: MD5, amount: 0 })).toEqual([{ path: ["amount"], message: "amount must be positive" }]);
    expect(refusal(sandboxPayRequest, { md5: MD5, amount: -1 })).toEqual([{ path: ["amount"], message: "amount must not be negative" }]);
  });
});

describe("verifyReceiptRequest", () => {
  it("takes a full hash alone, or with amount and currency, trimmed and lowercased", () => {
    expect(verifyReceiptRequest.parse({ hash: ` ${HASH.toUpperCase()} ` })).toEqual({ hash: HASH });
    expect(verifyReceiptRequest.parse({ hash: HASH, amount: 2, currency: "USD" })).toEqual({ hash: HASH, amount: 2, currency: "USD" });
    expect(verifyReceiptRequest.parse({ hash: HASH, currency: "KHR" })).toEqual({ hash: HASH, currency: "KHR" });
  });

  it("takes a short hash with amount and currency", () => {
    expect(verifyReceiptRequest.parse({ hash: "ABCD1234", amount: "7.5", currency: "USD" })).toEqual({
      hash: "abcd1234",
      amount: "7.5",
      currency: "USD",
    });
  });

  it.each([`x${"ab".repeat(4)}`, `${"ab".repeat(4)}x`, "z".repeat(8), "z".repeat(64), "a", "ab".repeat(16), ""])(
    "refuses the hash %j",
    (hash) => {
      expect(refusal(verifyReceiptRequest, { hash, amount: 1, currency: "USD" })).toEqual([
        {
          path: ["hash"],
          message: "hash must be the 64-character Bakong transaction hash or the 8-character short hash printed on the receipt",
        },
      ]);
    },
  );

  it("needs amount and currency with a short hash, and currency with an amount", () => {
    expect(refusal(verifyReceiptRequest, { hash: "abcd1234" })).toEqual([
      { path: ["amount"], message: "amount is required with an 8-character short hash" },
      { path: ["currency"], message: "currency is required with an 8-character short hash" },
    ]);
    expect(refusal(verifyReceiptRequest, { hash: "abcd1234", currency: "USD" })).toEqual([
      { path: ["amount"], message: "amount is required with an 8-character short hash" },
    ]);
    expect(refusal(verifyReceiptRequest, { hash: HASH, amount: 1 })).toEqual([
      { path: ["currency"], message: "currency is required when amount is given" },
    ]);
  });

  it("refuses an amount of 0 and a currency it does not know", () => {
    expect(refusal(verifyReceiptRequest, { hash: HASH, amount: 0, currency: "USD" })).toEqual([
      { path: ["amount"], message: "amount must be positive" },
    ]);
    expect(refusal(verifyReceiptRequest, { hash: HASH, currency: "EUR" })).toEqual([
      { path: ["currency"], message: "currency must be USD or KHR" },
    ]);
  });
});

// Responses are parsed by these schemas before they are sent: a field a schema lost would vanish from every answer.
describe("response schemas keep every field the API documents", () => {
  const iso = "2026-12-03T08:00:00.000Z";
  const payUrl = "https://pay.example/p/abc";
  it.each([
    [
      "createQrResponse",
      createQrResponse,
      {
        qr: "000201",
        md5: MD5,
        type: "dynamic",
        currency: "USD",
        amount: 1.5,
        order_id: null,
        expires_at: iso,
        status: "pending",
        pay_url: payUrl,
        idempotent_replay: false,
      },
    ],
    [
      "checkTransactionResponse",
      checkTransactionResponse,
      { md5: MD5, type: "static", status: "static", pay_url: payUrl, bakong_response: null },
    ],
    [
      "transactionByOrderResponse",
      transactionByOrderResponse,
      {
        order_id: "A-1",
        md5: MD5,
        type: "dynamic",
        status: "paid",
        amount: 100,
        currency: "KHR",
        bill_number: null,
        pay_url: payUrl,
        paid_at: iso,
        expires_at: iso,
        created_at: iso,
      },
    ],
    [
      "meResponse",
      meResponse,
      {
        user_id: "u1",
        mode: "test",
        plan: "free",
        quota: { qr_codes_today: 3, daily_limit: 100, resets_at: iso },
        merchant: { bakong_account_id: "shop@aclb", merchant_name: "Shop", merchant_city: "Phnom Penh", currency: "USD" },
      },
    ],
    [
      "sandboxPayResponse",
      sandboxPayResponse,
      { md5: MD5, type: "dynamic", simulated: true, paid_at: iso, hash: HASH, short_hash: HASH.slice(0, 8), amount: 1, currency: "USD" },
    ],
    [
      "verifyReceiptResponse",
      verifyReceiptResponse,
      {
        verified: true,
        reason: null,
        message: "Paid",
        hash: HASH,
        amount: 1,
        currency: "USD",
        paid_at: iso,
        from_account_id: "payer@abaa",
        to_account_id: "shop@aclb",
        first_verified_at: iso,
        first_verified_by: { source: "api", api_key_id: "k1" },
        already_verified: false,
        static_qr_md5: null,
      },
    ],
  ])("%s", (_, schema, body) => {
    expect(schema.parse(body)).toEqual(body);
  });

  it("a sandbox payment is always marked simulated", () => {
    expect(sandboxPayResponse.shape.simulated.safeParse(false).success).toBe(false);
  });
});

/** Every described field of a schema's JSON Schema (what the OpenAPI document publishes), by its path. */
function descriptions(schema: z.ZodType, io: "input" | "output"): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (node: unknown, path: string) => {
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.description === "string") found[path || "."] = record.description;
    for (const [name, child] of Object.entries((record.properties as Record<string, unknown> | undefined) ?? {})) {
      walk(child, path ? `${path}.${name}` : name);
    }
    for (const option of (record.anyOf as unknown[] | undefined) ?? []) walk(option, path);
  };
  walk(z.toJSONSchema(schema, { io, unrepresentable: "any" }), "");
  return found;
}

describe("the API reference's field descriptions", () => {
  it.each([
    ["createQrRequest", createQrRequest, "input", ["amount", "currency", "expires_in_seconds", "order_id"]],
    ["sandboxPayRequest", sandboxPayRequest, "input", ["amount"]],
    ["verifyReceiptRequest", verifyReceiptRequest, "input", ["amount", "currency", "hash"]],
    ["createQrResponse", createQrResponse, "output", ["expires_at", "md5", "pay_url", "qr", "status", "type"]],
    ["checkTransactionResponse", checkTransactionResponse, "output", ["bakong_response", "pay_url", "status", "type"]],
    ["transactionByOrderResponse", transactionByOrderResponse, "output", ["expires_at", "paid_at", "pay_url", "status", "type"]],
    ["meResponse", meResponse, "output", ["mode", "plan", "quota", "quota.daily_limit", "quota.qr_codes_today", "quota.resets_at"]],
    ["sandboxPayResponse", sandboxPayResponse, "output", ["hash", "short_hash", "type"]],
    [
      "verifyReceiptResponse",
      verifyReceiptResponse,
      "output",
      [
        "already_verified",
        "amount",
        "first_verified_at",
        "first_verified_by",
        "first_verified_by.api_key_id",
        "first_verified_by.source",
        "from_account_id",
        "hash",
        "message",
        "paid_at",
        "reason",
        "static_qr_md5",
        "to_account_id",
        "verified",
      ],
    ],
  ] as const)("%s describes %j, each in words", (_, schema, io, fields) => {
    const described = descriptions(schema, io);
    expect(Object.keys(described).sort()).toEqual([...fields].sort());
    for (const text of Object.values(described)) expect(text.length).toBeGreaterThan(10);
  });

  it("the status description says how each status comes about, and how to confirm a payment to a static QR", () => {
    const { status } = descriptions(checkTransactionResponse, "output");
    expect(status).toContain("Dynamic QRs: pending until paid, expired after a final check");
    expect(status).toContain('"static": Bakong cannot check a reusable QR by md5');
    expect(status).toContain("from the customer's receipt with POST /transaction/verify.");
  });
});
