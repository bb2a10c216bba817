import { describe, expect, it } from "vitest";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { POST as checkRoute } from "@/app/api/v1/transaction/check/route";
import { call } from "../helpers/api";
import { transactionCount } from "../helpers/db";
import { createTestMerchant } from "../helpers/merchant";

describe("validation messages: one per field, the field named once, no zod internals", () => {
  it.each([
    [checkRoute, {}, "md5 is required"],
    [checkRoute, { md5: 5 }, "md5 must be a string"],
    [checkRoute, { md5: "zz" }, "md5 must be 32 hexadecimal characters"],
    [checkRoute, { md5: "a".repeat(32), foo: 1, bar: 2 }, "Unknown fields foo, bar: leave them out"],
    [createQrRoute, { amount: "abc" }, "amount must be a number such as 5 or 5.25"],
    [createQrRoute, { amount: true }, "amount must be a number such as 5 or 5.25"],
    [createQrRoute, { amount: 5, expires_in_seconds: "60" }, "expires_in_seconds must be a number"],
    [createQrRoute, { bill_number: 5, currency: "EUR" }, "currency must be USD or KHR; bill_number must be a string"],
    [createQrRoute, [], "The request body must be an object"],
  ])("%#: %j → 400 with exactly the message, nothing written", async (route, body, message) => {
    const merchant = await createTestMerchant();
    const answer = await call(route, { key: merchant.liveKey.key, body });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: "invalid_input", message });
    expect(await transactionCount(merchant.userId)).toBe(0);
  });
});
