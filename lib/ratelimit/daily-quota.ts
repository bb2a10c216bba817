import { sql, type Subquery } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { planDetails, planQuota } from "@/lib/config/plans";
import { violatedCheckConstraint, type Db } from "@/lib/db";
import { usageDaily } from "@/lib/db/schema";
import { cambodiaDay, nextCambodiaMidnight } from "@/lib/std";
import { secondsUntil } from "./limiter";
import type { Mode } from "@/lib/config/enums";

/** Rounded up to the minute from one minute on, so it never promises less wait than Retry-After gives. */
function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const totalMinutes = Math.ceil(seconds / 60);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

function quotaExceeded(plan: string, mode: Mode, quota: number, now: Date): AppError {
  const resetsAt = nextCambodiaMidnight(now);
  const retryAfter = secondsUntil(resetsAt.getTime(), now.getTime());
  return new AppError(
    "rate_limit_exceeded",
    `Daily plan limit reached — upgrade to continue. The ${planDetails(plan).name} plan includes ${quota.toLocaleString("en-US")} new QR codes ` +
      `per day in ${mode} mode; the count starts again at midnight Cambodia time (UTC+7), in ${describeWait(retryAfter)}.`,
    { retryAfterSeconds: retryAfter, limit: { limit: quota, remaining: 0, resetAtMs: resetsAt.getTime() } },
  );
}

export type QuotaSubject = { userId: string; mode: Mode; plan: string; now: Date };

const QUOTA_CHECK = "usage_daily_within_quota";
const placeholder = (name: keyof ReturnType<typeof dailyQuotaValues>) => sql.placeholder(name);

/**
 * The day's quota count, as a data-modifying CTE of the statement that creates QRs: one count per row of
 * `createdRows`, so a replay that inserts nothing counts nothing. Quotas are money, so they are counted in
 * PostgreSQL (never in Redis, which may fail open). The row keeps the quota of the caller's plan, so an
 * upgrade or downgrade applies at its next count, and a count past it breaks the table's check: the whole
 * statement fails, concurrent statements can never pass the quota together, and `quotaErrorOf` turns the
 * failure into the 429. Its placeholders are filled by `dailyQuotaValues`.
 */
export function dailyQuotaCount(db: Db, createdRows: Subquery) {
  return db
    .insert(usageDaily)
    .select((qb) =>
      qb
        .select({
          userId: sql`${placeholder("quotaUserId")}::uuid`.as("user_id"),
          mode: sql`${placeholder("quotaMode")}::text`.as("mode"),
          day: sql`${placeholder("quotaDay")}::date`.as("day"),
          qrCount: sql`1`.as("qr_count"),
          qrLimit: sql`${placeholder("quotaLimit")}::integer`.as("qr_limit"),
        })
        .from(createdRows),
    )
    .onConflictDoUpdate({
      target: [usageDaily.userId, usageDaily.mode, usageDaily.day],
      set: { qrCount: sql`${usageDaily.qrCount} + 1`, qrLimit: sql`excluded.qr_limit` },
    });
}

export function dailyQuotaValues({ userId, mode, plan, now }: QuotaSubject) {
  return { quotaUserId: userId, quotaMode: mode, quotaDay: cambodiaDay(now), quotaLimit: planQuota(plan, mode) };
}

/** The 429 for a statement that failed because it counted past the daily quota; null for any other error. */
export function quotaErrorOf(error: unknown, { mode, plan, now }: QuotaSubject): AppError | null {
  return violatedCheckConstraint(error) === QUOTA_CHECK ? quotaExceeded(plan, mode, planQuota(plan, mode), now) : null;
}
