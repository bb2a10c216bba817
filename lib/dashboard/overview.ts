import { and, count, eq, gte, sum } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { merchantProfiles, transactions, users, webhookEndpoints } from "@/lib/db/schema";
import { cambodiaDayStart } from "@/lib/std";
import type { Currency, Mode } from "@/lib/config/enums";

export type TodayStats = {
  created: number;
  paid: number;
  /** Paid today, per currency, as exact decimal strings. */
  collected: { currency: Currency; amount: string }[];
};

/** Today (Cambodian calendar day) for one mode: QRs created, QRs paid, and money collected per currency. */
export async function todayStats(userId: string, mode: Mode, now: Date = new Date()): Promise<TodayStats> {
  const db = await getDb();
  const since = cambodiaDayStart(now);
  const mine = and(eq(transactions.userId, userId), eq(transactions.mode, mode));
  const [created] = await db
    .select({ n: count() })
    .from(transactions)
    .where(and(mine, gte(transactions.createdAt, since)));
  const paidRows = await db
    .select({ currency: transactions.currency, n: count(), total: sum(transactions.amount) })
    .from(transactions)
    .where(and(mine, eq(transactions.status, "paid"), gte(transactions.paidAt, since)))
    .groupBy(transactions.currency)
    .orderBy(transactions.currency);
  return {
    created: created?.n ?? 0,
    paid: paidRows.reduce((total, row) => total + row.n, 0),
    collected: paidRows.map((row) => ({ currency: row.currency, amount: row.total ?? "0" })),
  };
}

export type Checklist = { profileSaved: boolean; firstQr: boolean; firstPaid: boolean; webhookAdded: boolean };

export async function gettingStarted(userId: string): Promise<Checklist> {
  const db = await getDb();
  // Each is one index probe: the first payment is a fact on the account (set when it is marked paid), since
  // searching for a paid row can read a merchant's whole history.
  const [profile, anyQr, account, anyWebhook] = await Promise.all([
    db.select({ id: merchantProfiles.userId }).from(merchantProfiles).where(eq(merchantProfiles.userId, userId)).limit(1),
    db.select({ id: transactions.id }).from(transactions).where(eq(transactions.userId, userId)).limit(1),
    db.select({ firstPaidAt: users.firstPaidAt }).from(users).where(eq(users.id, userId)).limit(1),
    db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.userId, userId)).limit(1),
  ]);
  return {
    profileSaved: profile.length > 0,
    firstQr: anyQr.length > 0,
    firstPaid: account[0]?.firstPaidAt != null,
    webhookAdded: anyWebhook.length > 0,
  };
}

/** Which mode the dashboard opens in: live once the account has live payments, the sandbox until then. */
export async function defaultMode(userId: string): Promise<Mode> {
  const db = await getDb();
  const [live] = await db
    .select({ id: transactions.id })
    .from(transactions)
    .where(and(eq(transactions.userId, userId), eq(transactions.mode, "live")))
    .limit(1);
  return live ? "live" : "test";
}
