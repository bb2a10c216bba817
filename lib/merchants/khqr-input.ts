import type { KhqrInput } from "@/lib/khqr";

type ProfileFields = {
  bakongAccountId: string;
  merchantName: string;
  merchantCity: string;
  merchantId?: string | null;
  acquiringBank?: string | null;
  merchantNameKm?: string | null;
  merchantCityKm?: string | null;
};

type AccountFields = Pick<
  KhqrInput,
  | "type"
  | "bakongAccountId"
  | "merchantName"
  | "merchantCity"
  | "merchantId"
  | "acquiringBank"
  | "languagePreference"
  | "merchantNameAlternateLanguage"
  | "merchantCityAlternateLanguage"
>;

/** A saved Khmer name goes into KHQR's alternate-language template (tag 64) with language preference "km". */
function khmerNameFields(profile: ProfileFields): Partial<AccountFields> {
  if (!profile.merchantNameKm) return {};
  return {
    languagePreference: "km",
    merchantNameAlternateLanguage: profile.merchantNameKm,
    ...(profile.merchantCityKm ? { merchantCityAlternateLanguage: profile.merchantCityKm } : {}),
  };
}

/**
 * A saved merchant id + acquiring bank switch the QR from an individual (tag 29) to a merchant
 * (tag 30) account.
 */
export function khqrAccountFields(profile: ProfileFields): AccountFields {
  const base = {
    bakongAccountId: profile.bakongAccountId,
    merchantName: profile.merchantName,
    merchantCity: profile.merchantCity,
    ...khmerNameFields(profile),
  };
  if (profile.merchantId && profile.acquiringBank) {
    return { ...base, type: "merchant", merchantId: profile.merchantId, acquiringBank: profile.acquiringBank };
  }
  return { ...base, type: "individual" };
}
