import { sql } from "drizzle-orm";
import { ApiError } from "@/lib/api/errors";
import { planDetails, planQuota, type ApiMode } from "@/lib/config/plans";
import type { DbOrTx } from "@/lib/db";
import { usageDaily } from "@/lib/db/schema";
import { cambodiaDay, nextCambodiaMidnight } from "./cambodia-day";
import { secondsUntil } from "./limiter";

function describeWait(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.ceil((seconds % 3600) / 60);
  if (hours > 0) return `${hours} h ${minutes} min`;
  return seconds >= 60 ? `${minutes} min` : `${seconds} s`;
}

function quotaExceeded(plan: string, mode: ApiMode, quota: number, now: Date): ApiError {
  const resetsAt = nextCambodiaMidnight(now);
  const retryAfter = secondsUntil(resetsAt.getTime(), now.getTime());
  return new ApiError(
    "rate_limit_exceeded",
    `Daily plan limit reached — upgrade to continue. The ${planDetails(plan).name} plan includes ${quota.toLocaleString("en-US")} new QR codes ` +
      `per day in ${mode} mode; the count starts again at midnight Cambodia time (UTC+7), in ${describeWait(retryAfter)}.`,
    {
      "Retry-After": String(retryAfter),
      "X-RateLimit-Limit": String(quota),
      "X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": String(Math.floor(resetsAt.getTime() / 1000)),
    },
  );
}

/**
 * Counts one new QR against the account's daily quota for the mode, or throws 429 rate_limit_exceeded.
 * Call it inside the transaction that inserts the QR: a replay inserts nothing and so is not counted, and
 * a failed insert rolls the count back. Quotas are money, so they are counted here in PostgreSQL (never in
 * Redis, which may fail open), in one statement that row-locks the day's counter: concurrent calls can
 * never pass the quota together.
 */
export async function consumeDailyQuota(tx: DbOrTx, { userId, mode, plan, now = new Date() }: { userId: string; mode: ApiMode; plan: string; now?: Date }): Promise<void> {
  const quota = planQuota(plan, mode);
  const counted = await tx
    .insert(usageDaily)
    .values({ userId, mode, day: cambodiaDay(now), qrCount: 1 })
    .onConflictDoUpdate({
      target: [usageDaily.userId, usageDaily.mode, usageDaily.day],
      set: { qrCount: sql`${usageDaily.qrCount} + 1` },
      setWhere: sql`${usageDaily.qrCount} < ${quota}`,
    })
    .returning({ qrCount: usageDaily.qrCount });
  if (counted.length === 0) throw quotaExceeded(plan, mode, quota, now);
}
