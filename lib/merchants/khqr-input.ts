import type { KhqrInput } from "@/lib/khqr";

type ProfileFields = {
  bakongAccountId: string;
  merchantName: string;
  merchantCity: string;
  merchantId?: string | null;
  acquiringBank?: string | null;
};

/** A saved merchant id + acquiring bank switch the QR from an individual (tag 29) to a merchant (tag 30) account. */
export function khqrAccountFields(
  profile: ProfileFields,
): Pick<KhqrInput, "type" | "bakongAccountId" | "merchantName" | "merchantCity" | "merchantId" | "acquiringBank"> {
  const base = { bakongAccountId: profile.bakongAccountId, merchantName: profile.merchantName, merchantCity: profile.merchantCity };
  if (profile.merchantId && profile.acquiringBank) {
    return { ...base, type: "merchant", merchantId: profile.merchantId, acquiringBank: profile.acquiringBank };
  }
  return { ...base, type: "individual" };
}
