import { getMerchantProfile } from "@/lib/merchants";
import type { AccountScope } from "./account";
import { getUsageToday } from "./plan";

/** GET /me: the account and merchant profile behind a key, the key's mode, and today's quota in that mode. */
export async function accountInfo({ userId, mode }: AccountScope, now: Date = new Date()) {
  const [profile, usage] = await Promise.all([getMerchantProfile(userId), getUsageToday(userId, now)]);
  return {
    user_id: userId,
    mode,
    plan: usage.plan,
    quota: { qr_codes_today: usage[mode].used, daily_limit: usage[mode].quota, resets_at: usage.resetsAt.toISOString() },
    merchant: {
      bakong_account_id: profile?.bakongAccountId ?? null,
      merchant_name: profile?.merchantName ?? null,
      merchant_city: profile?.merchantCity ?? null,
      currency: profile?.currency ?? null,
    },
  };
}
