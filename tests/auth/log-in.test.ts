import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/options";
import { safeCallbackPath } from "@/lib/dashboard/account-forms";
import { sealKeys, unsealKeys } from "@/lib/dashboard/onboarding-keys";
import { AUTH_ATTEMPT_LIMITS } from "@/lib/config/rate-limits";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";

let merchant: TestMerchant;
// Each test uses its own address so the per-IP throttle of one does not leak into another.
const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

beforeAll(async () => {
  merchant = await createTestMerchant();
});

describe("log-in with email and password", () => {
  it("accepts the right password, whatever the email's case", async () => {
    expect(await authorizeCredentials(merchant.email.toUpperCase(), "correct horse battery", ip())).toEqual({
      id: merchant.userId,
      email: merchant.email,
      sessionVersion: 0,
    });
  });

  it("answers a wrong password and an unknown email identically", async () => {
    expect(await authorizeCredentials(merchant.email, "wrong password", ip())).toBeNull();
    expect(await authorizeCredentials(`nobody-${randomUUID()}@example.com`, "correct horse battery", ip())).toBeNull();
  });

  it("throttles guessing on one email from one address, with a friendly message, and lets the owner in from theirs", async () => {
    const target = await createTestMerchant();
    const attacker = ip();
    for (let attempt = 0; attempt < AUTH_ATTEMPT_LIMITS.perEmailAndIp.limit; attempt++) {
      expect(await authorizeCredentials(target.email, "guess", attacker)).toBeNull();
    }
    await expect(authorizeCredentials(target.email, "correct horse battery", attacker)).rejects.toThrow(
      /^Too many attempts\. Please wait \d+ (seconds?|minutes) and try again\.$/,
    );
    expect(await authorizeCredentials(target.email, "correct horse battery", ip())).toEqual({
      id: target.userId,
      email: target.email,
      sessionVersion: 0,
    });
  });
});

describe("onboarding keys cookie", () => {
  it("round-trips and refuses anything tampered with", () => {
    const keys = [{ mode: "live" as const, key: "khqr_live_x", hint: "khqr_live_…x" }];
    const sealed = sealKeys(keys);
    expect(sealed).not.toContain("khqr_live_x");
    expect(unsealKeys(sealed)).toEqual(keys);
    const tampered = Buffer.from(sealed, "base64url");
    tampered[tampered.length - 1]! ^= 1;
    expect(unsealKeys(tampered.toString("base64url"))).toBeNull();
    expect(unsealKeys("garbage")).toBeNull();
  });
});

describe("return path after log-in", () => {
  it.each([
    ["/dashboard/transactions?mode=test", "/dashboard/transactions?mode=test"],
    ["https://evil.example/phish", "/dashboard"],
    ["//evil.example", "/dashboard"],
    ["/\\evil.example", "/dashboard"],
    [undefined, "/dashboard"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
