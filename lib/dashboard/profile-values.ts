import type { MerchantProfile } from "@/lib/db/schema";

/** The profile form's starting values: the saved profile, or KHQR's defaults for a new merchant. */
export function profileFormValues(profile: MerchantProfile | null) {
  return {
    bakongAccountId: profile?.bakongAccountId ?? "",
    merchantName: profile?.merchantName ?? "",
    merchantCity: profile?.merchantCity ?? "Phnom Penh",
    merchantNameKm: profile?.merchantNameKm ?? "",
    merchantCityKm: profile?.merchantCityKm ?? "",
    currency: profile?.currency ?? "USD",
    merchantId: profile?.merchantId ?? "",
    acquiringBank: profile?.acquiringBank ?? "",
  };
}
