import { beforeAll, describe, expect, it } from "vitest";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { POST as byOrderRoute } from "@/app/api/v1/transaction/by-order/route";
import { authorizeCredentials } from "@/lib/auth/options";
import { logInInput, signUpInput } from "@/lib/dashboard/account-forms";
import { getMerchantProfile, merchantProfileInput } from "@/lib/merchants";
import { call } from "../helpers/api";
import { transactionCount } from "../helpers/db";
import { createTestMerchant, DEFAULT_PROFILE, type TestMerchant } from "../helpers/merchant";

let merchant: TestMerchant;

beforeAll(async () => {
  merchant = await createTestMerchant();
});

// PostgreSQL text holds neither: NUL fails the insert (a 500), a lone surrogate is stored as U+FFFD.
const UNSTORABLE = [
  ["NUL", "A\u0000B"],
  ["a lone high surrogate", "S-\ud800"],
  ["a lone low surrogate", "S-\udc00"],
  ["a reversed pair", "S-\udc00\ud800"],
] as const;

describe("text PostgreSQL cannot store exactly is invalid input", () => {
  describe.each(UNSTORABLE)("%s", (_name, text) => {
    it.each(["order_id", "bill_number", "store_label", "terminal_label"])("in %s: 400 invalid_input, nothing written", async (field) => {
      const before = await transactionCount();
      const { status, body } = await call(createQrRoute, { key: merchant.testKey.key, body: { amount: 1, [field]: text } });
      expect(status).toBe(400);
      expect(body.error).toBe("invalid_input");
      expect(body.message).toMatch(new RegExp(`^${field}\\b.*NUL characters or unpaired surrogates`));
      expect(await transactionCount()).toBe(before);
    });

    it("in by-order's order_id: 400 invalid_input", async () => {
      const { status, body } = await call(byOrderRoute, { key: merchant.testKey.key, body: { order_id: text } });
      expect(status).toBe(400);
      expect(body.error).toBe("invalid_input");
    });

    it("in the merchant profile, the sign-up and the log-in forms: a field error", async () => {
      for (const field of ["bakongAccountId", "merchantName", "merchantCity", "merchantId"] as const) {
        const parsed = merchantProfileInput.safeParse({ ...DEFAULT_PROFILE, acquiringBank: "Bank", merchantId: "M1", [field]: text });
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues[0]?.path).toEqual([field]);
      }
      expect(signUpInput.safeParse({ email: `a${text}@example.com`, password: "long enough password" }).success).toBe(false);
      expect(logInInput.safeParse({ email: merchant.email, password: text }).success).toBe(false);
      expect(await getMerchantProfile(merchant.userId)).toMatchObject({ merchantName: DEFAULT_PROFILE.merchantName });
    });

    it("in the log-in email: refused like a wrong password, not an error", async () => {
      expect(await authorizeCredentials(`${merchant.email}${text}`, "correct horse battery", "192.0.2.77")).toBeNull();
    });
  });

  it('"S-\\ud800" never replays the order "S-\\ufffd"', async () => {
    const first = await call(createQrRoute, { key: merchant.testKey.key, body: { amount: 2, order_id: "S-\ufffd" } });
    expect(first.status).toBe(200);
    const lone = await call(createQrRoute, { key: merchant.testKey.key, body: { amount: 2, order_id: "S-\ud800" } });
    expect(lone.status).toBe(400);
    expect(lone.body.error).toBe("invalid_input");
  });
});
