import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { appUrl } from "@/lib/config/app-url";
import type { AlertScope, Mode } from "@/lib/config/enums";
import type { DbOrTx } from "@/lib/db";
import { emailAlertSettings, paymentAlerts, paymentLinks, telegramChats, users, type Transaction } from "@/lib/db/schema";
import { enqueueEmail } from "@/lib/email";
import { emailPaymentAlert, telegramPaymentAlert, type PaymentFacts } from "./templates";

const scopesFor = (mode: Mode): AlertScope[] => [mode, "both"];

/** "abaakhppxxx@abaa" → "abaa": Bakong account ids name the member bank after the "@". */
export function payerBankOf(fromAccountId: string | undefined): string | null {
  const bank = fromAccountId?.split("@")[1]?.trim();
  return bank ? bank.toUpperCase() : null;
}

async function factsOf(tx: DbOrTx, row: Transaction, payerAccountId: string | undefined): Promise<PaymentFacts> {
  const [link] = row.paymentLinkId
    ? await tx.select({ title: paymentLinks.title }).from(paymentLinks).where(eq(paymentLinks.id, row.paymentLinkId))
    : [];
  return {
    amount: row.amount,
    currency: row.currency,
    mode: row.mode,
    billNumber: row.billNumber,
    orderId: row.paymentLinkId ? null : row.orderId,
    linkTitle: link?.title ?? null,
    payerBank: payerBankOf(payerAccountId),
    paidAt: row.paidAt ?? new Date(),
    dashboardUrl: `${appUrl()}/dashboard/transactions/${row.id}`,
  };
}

/**
 * Writes the alerts of a payment just marked paid: one row per connected Telegram chat that wants this
 * mode, and the email (queued in the email outbox) when email alerts are on. Called inside the transaction
 * that marks it paid, which happens once (a conditional update); the unique indexes guard that again.
 */
export async function enqueuePaymentAlerts(
  tx: DbOrTx,
  row: Transaction,
  payerAccountId: string | undefined,
  now: Date = new Date(),
): Promise<number> {
  const chats = await tx
    .select({ id: telegramChats.id, locale: telegramChats.locale })
    .from(telegramChats)
    .where(
      and(eq(telegramChats.userId, row.userId), isNull(telegramChats.disconnectedAt), inArray(telegramChats.scope, scopesFor(row.mode))),
    );
  const [email] = await tx
    .select({ address: users.email, locale: emailAlertSettings.locale })
    .from(emailAlertSettings)
    .innerJoin(users, eq(users.id, emailAlertSettings.userId))
    .where(and(eq(emailAlertSettings.userId, row.userId), inArray(emailAlertSettings.scope, scopesFor(row.mode))));
  if (chats.length === 0 && !email) return 0;
  const facts = await factsOf(tx, row, payerAccountId);
  const alerts: (typeof paymentAlerts.$inferInsert)[] = chats.map((chat) => ({
    id: randomUUID(),
    userId: row.userId,
    transactionId: row.id,
    channel: "telegram" as const,
    telegramChatId: chat.id,
    text: telegramPaymentAlert(chat.locale, facts),
    nextAttemptAt: now,
  }));
  if (email) {
    const content = emailPaymentAlert(email.locale, facts);
    const emailId = await enqueueEmail(tx, email.address, content, now);
    // Handed to the email outbox, which sends and retries it; the log shows the email's own status.
    alerts.push({
      id: randomUUID(),
      userId: row.userId,
      transactionId: row.id,
      channel: "email",
      emailId,
      text: content.text,
      status: "succeeded",
    });
  }
  const written = await tx.insert(paymentAlerts).values(alerts).onConflictDoNothing().returning({ id: paymentAlerts.id });
  return written.length;
}
