import { getMerchantProfile } from "@/lib/merchants";
import type { AccountScope } from "./account";

/** GET /me: the account and merchant profile behind a key. */
export async function accountInfo({ userId }: AccountScope) {
  const profile = await getMerchantProfile(userId);
  return {
    user_id: userId,
    merchant: {
      bakong_account_id: profile?.bakongAccountId ?? null,
      merchant_name: profile?.merchantName ?? null,
      merchant_city: profile?.merchantCity ?? null,
      currency: profile?.currency ?? null,
    },
  };
}
