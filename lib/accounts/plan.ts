import { and, eq } from "drizzle-orm";
import { DEFAULT_PLAN, isPlan, PLAN_NAMES, planQuota, type Plan } from "@/lib/config/plans";
import { getDb } from "@/lib/db";
import { usageDaily, users } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { normalizeEmail } from "./email";
import { cambodiaDay, nextCambodiaMidnight } from "@/lib/std";
import type { Mode } from "@/lib/config/enums";

export type ModeUsage = { used: number; quota: number };
export type UsageToday = { plan: Plan; live: ModeUsage; test: ModeUsage; resetsAt: Date };

/** Today's (Cambodia day) new-QR counts of the account against its plan's quotas, for the dashboard. */
export async function getUsageToday(userId: string, now: Date = new Date()): Promise<UsageToday> {
  const db = await getDb();
  const [account] = await db.select({ plan: users.plan }).from(users).where(eq(users.id, userId)).limit(1);
  if (!account) throw new AppError("not_found", `No account with id ${userId}.`);
  const counts = await db
    .select({ mode: usageDaily.mode, qrCount: usageDaily.qrCount })
    .from(usageDaily)
    .where(and(eq(usageDaily.userId, userId), eq(usageDaily.day, cambodiaDay(now))));
  // The same fallback the quota count applies to a plan name it does not know.
  const plan = isPlan(account.plan) ? account.plan : DEFAULT_PLAN;
  const usage = (mode: Mode): ModeUsage => ({ used: counts.find((row) => row.mode === mode)?.qrCount ?? 0, quota: planQuota(plan, mode) });
  return { plan, live: usage("live"), test: usage("test"), resetsAt: nextCambodiaMidnight(now) };
}

/** Moves an account to another plan (operator command `npm run plan:set`); takes effect on the next request. */
export async function setPlan(email: string, plan: string): Promise<{ email: string; before: string; after: Plan }> {
  if (!isPlan(plan)) throw new AppError("invalid_input", `Unknown plan "${plan}". Plans: ${PLAN_NAMES.join(", ")}.`);
  const normalized = normalizeEmail(email);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [account] = await tx.select({ id: users.id, plan: users.plan }).from(users).where(eq(users.email, normalized)).for("update");
    if (!account) throw new AppError("not_found", `No account with the email ${normalized}.`);
    await tx.update(users).set({ plan }).where(eq(users.id, account.id));
    return { email: normalized, before: account.plan, after: plan };
  });
}
