import type { Locale } from "@/lib/config/enums";
import { randomUUID } from "node:crypto";
import { signUp } from "@/lib/auth";
import type { ApiKeyAuth, IssuedKey } from "@/lib/keys";
import { saveMerchantProfile, type MerchantProfileInput } from "@/lib/merchants";

export type TestMerchant = { userId: string; email: string; liveKey: IssuedKey; testKey: IssuedKey; live: ApiKeyAuth; test: ApiKeyAuth };

export const DEFAULT_PROFILE: MerchantProfileInput = {
  bakongAccountId: "coffee_shop@aclb",
  merchantName: "Coffee Shop",
  merchantCity: "Phnom Penh",
  currency: "USD",
};

/** A signed-up merchant with both default keys and, unless told otherwise, a saved profile. */
export async function createTestMerchant(profile: MerchantProfileInput | null = DEFAULT_PROFILE, locale?: Locale): Promise<TestMerchant> {
  const email = `merchant-${randomUUID()}@example.com`;
  const { userId, liveKey, testKey } = await signUp(email, "correct horse battery", locale);
  if (profile) await saveMerchantProfile(userId, profile);
  return {
    userId,
    email,
    liveKey,
    testKey,
    live: { userId, keyId: liveKey.id, mode: "live" },
    test: { userId, keyId: testKey.id, mode: "test" },
  };
}
