import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { decodeKhqr, encodeKhqr } from "@/lib/khqr";
import { getMerchantProfile, khqrAccountFields, merchantProfileInput, saveMerchantProfile } from "@/lib/merchants";
import { createTestMerchant, DEFAULT_PROFILE } from "../helpers/merchant";

const fieldOf = (input: Record<string, unknown>) => {
  const parsed = merchantProfileInput.safeParse(input);
  return parsed.success ? null : parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
};

describe("the merchant profile", () => {
  it("accepts a profile KHQR can encode, trimmed, with the city defaulted", () => {
    expect(merchantProfileInput.parse({ bakongAccountId: " shop@aclb ", merchantName: " My Shop ", currency: "KHR" })).toEqual({
      bakongAccountId: "shop@aclb",
      merchantName: "My Shop",
      merchantCity: "Phnom Penh",
      currency: "KHR",
      merchantNameKm: undefined,
      merchantCityKm: undefined,
      merchantId: undefined,
      acquiringBank: undefined,
    });
  });

  it("names the field of each mistake", () => {
    expect(fieldOf({ ...DEFAULT_PROFILE, bakongAccountId: "no-at-sign" })).toEqual([
      "bakongAccountId: Bakong account ID looks like name@bank (e.g. shop@aclb)",
    ]);
    expect(fieldOf({ ...DEFAULT_PROFILE, merchantName: "x".repeat(26) })).toEqual([
      "merchantName: Merchant name must be at most 25 characters",
    ]);
    expect(fieldOf({ ...DEFAULT_PROFILE, currency: "EUR" })).toEqual(["currency: Currency must be USD or KHR"]);
    expect(fieldOf({ ...DEFAULT_PROFILE, merchantId: "M-1" })).toEqual([
      "acquiringBank: Merchant ID and acquiring bank go together: fill in both for a merchant (tag 30) QR, or neither",
    ]);
  });

  it("asks KHQR's encoder for the last word: a tag 30 template over 99 characters is refused", () => {
    const issues = fieldOf({
      ...DEFAULT_PROFILE,
      bakongAccountId: `${"a".repeat(27)}@aclb`,
      merchantId: "m".repeat(32),
      acquiringBank: "b".repeat(32),
    });
    expect(issues?.[0]).toMatch(/^merchantId: /);
  });

  it("holds the Khmer name and city to KHQR's tag 64 limits, and the city only beside a name", () => {
    expect(fieldOf({ ...DEFAULT_PROFILE, merchantNameKm: "ហាង".repeat(9) })).toEqual([
      "merchantNameKm: Merchant name in Khmer must be at most 25 characters",
    ]);
    expect(fieldOf({ ...DEFAULT_PROFILE, merchantNameKm: "ហាងកាហ្វេ", merchantCityKm: "ក".repeat(16) })).toEqual([
      "merchantCityKm: City in Khmer must be at most 15 characters",
    ]);
    expect(fieldOf({ ...DEFAULT_PROFILE, merchantCityKm: "ភ្នំពេញ" })).toEqual([
      "merchantNameKm: Fill in the merchant name in Khmer too: a QR carries the Khmer city only beside the Khmer name",
    ]);
    expect(fieldOf({ ...DEFAULT_PROFILE, merchantNameKm: "ហាងកាហ្វេ", merchantCityKm: "ភ្នំពេញ" })).toBeNull();
  });

  it("writes a saved Khmer name and city into the QR's language template, language km", () => {
    const fields = khqrAccountFields({
      ...DEFAULT_PROFILE,
      merchantCity: "Phnom Penh",
      merchantNameKm: "ហាងកាហ្វេ",
      merchantCityKm: "ភ្នំពេញ",
    });
    expect(fields).toMatchObject({
      languagePreference: "km",
      merchantNameAlternateLanguage: "ហាងកាហ្វេ",
      merchantCityAlternateLanguage: "ភ្នំពេញ",
    });
    expect(decodeKhqr(encodeKhqr({ ...fields, currency: "KHR" }).qr)).toMatchObject({
      languagePreference: "km",
      merchantNameAlternateLanguage: "ហាងកាហ្វេ",
      merchantCityAlternateLanguage: "ភ្នំពេញ",
    });
    expect(khqrAccountFields({ ...DEFAULT_PROFILE, merchantCity: "Phnom Penh", merchantNameKm: null })).not.toHaveProperty(
      "languagePreference",
    );
  });

  it("creates, then replaces, the one profile of an account; an invalid one writes nothing", async () => {
    const merchant = await createTestMerchant();
    await saveMerchantProfile(merchant.userId, { ...DEFAULT_PROFILE, merchantName: "First Name" });
    await saveMerchantProfile(merchant.userId, {
      ...DEFAULT_PROFILE,
      merchantName: "Second Name",
      merchantId: "M-1",
      acquiringBank: "ACLEDA",
      merchantNameKm: " ហាងទីពីរ ",
    });
    expect(await getMerchantProfile(merchant.userId)).toMatchObject({
      merchantName: "Second Name",
      merchantNameKm: "ហាងទីពីរ",
      merchantCityKm: null,
      merchantId: "M-1",
      acquiringBank: "ACLEDA",
    });

    await expect(saveMerchantProfile(merchant.userId, { ...DEFAULT_PROFILE, currency: "EUR" as "USD" })).rejects.toBeInstanceOf(ZodError);
    expect(await getMerchantProfile(merchant.userId)).toMatchObject({ merchantName: "Second Name", currency: DEFAULT_PROFILE.currency });
  });
});
