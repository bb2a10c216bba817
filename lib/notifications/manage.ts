import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Locale, AlertScope, Currency } from "@/lib/config/enums";
import { getDb } from "@/lib/db";
import { emailAlertSettings, emailOutbox, paymentAlerts, telegramChats, transactions, verifiedPayments } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/** The account's Telegram chats, connected first, newest first. */
export async function listTelegramChats(userId: string) {
  const db = await getDb();
  const chats = await db.select().from(telegramChats).where(eq(telegramChats.userId, userId)).orderBy(desc(telegramChats.connectedAt));
  return chats.sort((a, b) => Number(a.disconnectedAt !== null) - Number(b.disconnectedAt !== null));
}

/** The reason recorded when the merchant disconnects a chat themselves (the dashboard says it in the reader's language). */
export const DISCONNECTED_BY_USER = "disconnected in the dashboard";

export async function disconnectTelegramChat(userId: string, chatRowId: string): Promise<void> {
  const db = await getDb();
  const [done] = await db
    .update(telegramChats)
    .set({ disconnectedAt: new Date(), disconnectReason: DISCONNECTED_BY_USER })
    .where(and(eq(telegramChats.id, chatRowId), eq(telegramChats.userId, userId), isNull(telegramChats.disconnectedAt)))
    .returning({ id: telegramChats.id });
  if (!done) throw new AppError("not_found", "That chat is not connected.");
}

export async function emailAlertSetting(userId: string) {
  const db = await getDb();
  const [setting] = await db.select().from(emailAlertSettings).where(eq(emailAlertSettings.userId, userId));
  return setting ?? null;
}

/** Email alerts on (to the account's address, in this scope and language) or off (null). */
export async function setEmailAlerts(userId: string, setting: { scope: AlertScope; locale: Locale } | null): Promise<void> {
  const db = await getDb();
  if (setting === null) {
    await db.delete(emailAlertSettings).where(eq(emailAlertSettings.userId, userId));
    return;
  }
  await db
    .insert(emailAlertSettings)
    .values({ userId, ...setting })
    .onConflictDoUpdate({ target: emailAlertSettings.userId, set: setting });
}

/** The newest alerts of the account, each with where it went and how it fared (an email's status is the mailer's). */
export async function alertLog(userId: string, limit = 30) {
  const db = await getDb();
  const rows = await db
    .select({
      id: paymentAlerts.id,
      channel: paymentAlerts.channel,
      chatTitle: telegramChats.title,
      status: paymentAlerts.status,
      emailStatus: emailOutbox.status,
      attemptCount: paymentAlerts.attemptCount,
      lastError: paymentAlerts.lastError,
      nextAttemptAt: paymentAlerts.nextAttemptAt,
      sentAt: paymentAlerts.sentAt,
      createdAt: paymentAlerts.createdAt,
      transactionId: paymentAlerts.transactionId,
      receiptMode: verifiedPayments.mode,
      amount: sql<string | null>`coalesce(${transactions.amount}, ${verifiedPayments.amount})`,
      currency: sql<Currency>`coalesce(${transactions.currency}, ${verifiedPayments.currency})`,
    })
    .from(paymentAlerts)
    .leftJoin(transactions, eq(transactions.id, paymentAlerts.transactionId))
    .leftJoin(verifiedPayments, eq(verifiedPayments.id, paymentAlerts.verifiedPaymentId))
    .leftJoin(telegramChats, eq(telegramChats.id, paymentAlerts.telegramChatId))
    .leftJoin(emailOutbox, eq(emailOutbox.id, paymentAlerts.emailId))
    .where(eq(paymentAlerts.userId, userId))
    .orderBy(desc(paymentAlerts.createdAt))
    .limit(limit);
  return rows.map(({ emailStatus, ...row }) => ({
    ...row,
    status: row.channel === "email" ? (emailStatus === "sent" ? "succeeded" : (emailStatus ?? row.status)) : row.status,
  }));
}
export type AlertLogEntry = Awaited<ReturnType<typeof alertLog>>[number];
