import { z } from "zod";
import { encodeKhqr, KHQR_LIMITS, KhqrFieldError } from "@/lib/khqr";
import { khqrAccountFields } from "./khqr-input";
import { CURRENCIES } from "@/lib/config/enums";
import { storableString } from "@/lib/std";

const trimmed = (max: number, label: string) =>
  storableString(label).trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`);

const optionalTrimmed = (max: number, label: string) =>
  storableString(label)
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .transform((value) => (value ? value : undefined));

const PROFILE_FIELD_OF_KHQR_FIELD: Record<string, string> = {
  merchantAccountInformation: "merchantId",
  merchantNameAlternateLanguage: "merchantNameKm",
  merchantCityAlternateLanguage: "merchantCityKm",
};

/** The merchant profile, validated exactly as KHQR requires; shared by the dashboard form and the API. */
export const merchantProfileInput = z
  .object({
    bakongAccountId: trimmed(KHQR_LIMITS.bakongAccountId, "Bakong account ID").regex(
      /^[^@\s]+@[^@\s]+$/,
      "Bakong account ID looks like name@bank (e.g. shop@aclb)",
    ),
    merchantName: trimmed(KHQR_LIMITS.merchantName, "Merchant name"),
    merchantCity: trimmed(KHQR_LIMITS.merchantCity, "City").default("Phnom Penh"),
    merchantNameKm: optionalTrimmed(KHQR_LIMITS.merchantNameAlternateLanguage, "Merchant name in Khmer"),
    merchantCityKm: optionalTrimmed(KHQR_LIMITS.merchantCityAlternateLanguage, "City in Khmer"),
    currency: z.enum(CURRENCIES, "Currency must be USD or KHR"),
    merchantId: optionalTrimmed(KHQR_LIMITS.merchantId, "Merchant ID"),
    acquiringBank: optionalTrimmed(KHQR_LIMITS.acquiringBank, "Acquiring bank"),
  })
  .refine((profile) => Boolean(profile.merchantId) === Boolean(profile.acquiringBank), {
    message: "Merchant ID and acquiring bank go together: fill in both for a merchant (tag 30) QR, or neither",
    path: ["acquiringBank"],
    params: { i18n: "merchantIdWithBank" },
  })
  // KHQR's language template carries a city only beside a name (tag 64: sub 01 is required).
  .refine((profile) => !profile.merchantCityKm || Boolean(profile.merchantNameKm), {
    message: "Fill in the merchant name in Khmer too: a QR carries the Khmer city only beside the Khmer name",
    path: ["merchantNameKm"],
    params: { i18n: "khmerCityNeedsName" },
  })
  .superRefine((profile, context) => {
    // The last word is KHQR's own encoder: a profile is valid only if it makes a valid QR
    // (e.g. tag 30 as a whole must stay under 100 characters). Asked only once every field passed on its
    // own, so a field is never told the same thing twice in other words.
    if (context.issues.length > 0) return;
    try {
      encodeKhqr({ ...khqrAccountFields(profile), currency: profile.currency });
    } catch (error) {
      if (!(error instanceof KhqrFieldError)) throw error;
      const field = PROFILE_FIELD_OF_KHQR_FIELD[String(error.field)] ?? String(error.field);
      context.addIssue({ code: "custom", message: error.message, path: [field], params: { i18n: "khqrRefused" } });
    }
  });

export type MerchantProfileInput = z.input<typeof merchantProfileInput>;
export type MerchantProfileValues = z.output<typeof merchantProfileInput>;
