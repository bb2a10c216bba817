import { beforeAll, describe, expect, it } from "vitest";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { call } from "../helpers/api";
import { transactionCount } from "../helpers/db";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";

let merchant: TestMerchant;

beforeAll(async () => {
  merchant = await createTestMerchant();
});

const badBodies: Array<[string, unknown, RegExp]> = [
  ["negative amount", { amount: -1 }, /amount/],
  ["amount as a non-numeric string", { amount: "NaN" }, /amount/],
  ["amount as a boolean", { amount: true }, /amount/],
  ["a huge amount", { amount: 1e20 }, /amount/],
  ["Infinity-like string", { amount: "Infinity" }, /amount/],
  ["3-decimal USD", { amount: 1.005, currency: "USD" }, /amount/],
  ["3-decimal USD string", { amount: "1.005" }, /amount/],
  ["fractional KHR", { amount: 100.5, currency: "KHR" }, /amount/],
  ["unknown currency", { amount: 5, currency: "EUR" }, /currency/],
  ["lowercase currency", { amount: 5, currency: "usd" }, /currency/],
  ["26-char bill_number", { amount: 5, bill_number: "B".repeat(26) }, /bill_number/],
  ["26-char store_label", { amount: 5, store_label: "S".repeat(26) }, /store_label/],
  ["26-char terminal_label", { amount: 5, terminal_label: "T".repeat(26) }, /terminal_label/],
  ["empty bill_number", { amount: 5, bill_number: "" }, /bill_number/],
  ["numeric bill_number", { amount: 5, bill_number: 12 }, /bill_number/],
  ["65-char order_id", { amount: 5, order_id: "O".repeat(65) }, /order_id/],
  ["expires 29", { amount: 5, expires_in_seconds: 29 }, /expires_in_seconds/],
  ["expires 86401", { amount: 5, expires_in_seconds: 86401 }, /expires_in_seconds/],
  ["fractional expires", { amount: 5, expires_in_seconds: 60.5 }, /expires_in_seconds/],
  ["expires as a string", { amount: 5, expires_in_seconds: "900" }, /expires_in_seconds/],
  ["expiry on a static QR", { expires_in_seconds: 60 }, /expires_in_seconds/],
  ["an unknown field", { amount: 5, expires_in: 60 }, /expires_in/],
  ["an array body", [1, 2], /object/i],
];

describe("POST /api/v1/qr rejects bad input with 400 invalid_input and writes nothing", () => {
  it.each(badBodies)("%s", async (_name, body, messagePattern) => {
    const before = await transactionCount();
    const { status, body: answer } = await call(createQrRoute, { key: merchant.liveKey.key, body });
    expect(status).toBe(400);
    expect(answer.error).toBe("invalid_input");
    expect(answer.message).toMatch(messagePattern);
    expect(Object.keys(answer).sort()).toEqual(["error", "message"]);
    expect(await transactionCount()).toBe(before);
  });

  it("malformed JSON", async () => {
    const { status, body } = await call(createQrRoute, { key: merchant.liveKey.key, rawBody: '{"amount": 5,' });
    expect(status).toBe(400);
    expect(body).toEqual({ error: "invalid_input", message: "The request body is not valid JSON" });
  });

  it("wrong content type", async () => {
    const { status, body } = await call(createQrRoute, {
      key: merchant.liveKey.key,
      rawBody: "amount=5",
      contentType: "application/x-www-form-urlencoded",
    });
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_input");
    expect(body.message).toMatch(/Content-Type/);
  });

  it("empty body", async () => {
    const { status, body } = await call(createQrRoute, { key: merchant.liveKey.key, rawBody: "" });
    expect(status).toBe(400);
    expect(body.error).toBe("invalid_input");
  });
});
