import type { ApiKeyAuth } from "@/lib/keys";
import { getMerchantProfile } from "@/lib/merchants";

export async function accountInfo(auth: ApiKeyAuth) {
  const profile = await getMerchantProfile(auth.userId);
  return {
    user_id: auth.userId,
    merchant: {
      bakong_account_id: profile?.bakongAccountId ?? null,
      merchant_name: profile?.merchantName ?? null,
      merchant_city: profile?.merchantCity ?? null,
      currency: profile?.currency ?? null,
    },
  };
}
