import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { appUrl } from "@/lib/config/app-url";
import type { AlertScope, Mode } from "@/lib/config/enums";
import type { DbOrTx } from "@/lib/db";
import {
  emailAlertSettings,
  paymentAlerts,
  paymentLinks,
  telegramChats,
  users,
  type Transaction,
  type VerifiedPayment,
} from "@/lib/db/schema";
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
    kind: "paid",
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

type Subject = { transactionId: string } | { verifiedPaymentId: string };

/**
 * The alert rows of one payment: one per connected Telegram chat whose scope covers the mode, and the email
 * (queued in the email outbox) when email alerts are on. `facts` is read only when someone is to be told.
 */
async function enqueueAlerts(
  tx: DbOrTx,
  account: { userId: string; mode: Mode },
  subject: Subject,
  facts: () => Promise<PaymentFacts>,
  now: Date,
): Promise<number> {
  const chats = await tx
    .select({ id: telegramChats.id, locale: telegramChats.locale })
    .from(telegramChats)
    .where(
      and(
        eq(telegramChats.userId, account.userId),
        isNull(telegramChats.disconnectedAt),
        inArray(telegramChats.scope, scopesFor(account.mode)),
      ),
    );
  const [email] = await tx
    .select({ address: users.email, locale: emailAlertSettings.locale })
    .from(emailAlertSettings)
    .innerJoin(users, eq(users.id, emailAlertSettings.userId))
    .where(and(eq(emailAlertSettings.userId, account.userId), inArray(emailAlertSettings.scope, scopesFor(account.mode))));
  if (chats.length === 0 && !email) return 0;
  const told = await facts();
  const alerts: (typeof paymentAlerts.$inferInsert)[] = chats.map((chat) => ({
    id: randomUUID(),
    userId: account.userId,
    ...subject,
    channel: "telegram" as const,
    telegramChatId: chat.id,
    text: telegramPaymentAlert(chat.locale, told),
    nextAttemptAt: now,
  }));
  if (email) {
    const content = emailPaymentAlert(email.locale, told);
    const emailId = await enqueueEmail(tx, email.address, content, now);
    // Handed to the email outbox, which sends and retries it; the log shows the email's own status.
    alerts.push({
      id: randomUUID(),
      userId: account.userId,
      ...subject,
      channel: "email",
      emailId,
      text: content.text,
      status: "succeeded",
    });
  }
  const written = await tx.insert(paymentAlerts).values(alerts).onConflictDoNothing().returning({ id: paymentAlerts.id });
  return written.length;
}

/**
 * Writes the alerts of a payment just marked paid. Called inside the transaction that marks it paid, which
 * happens once (a conditional update); the unique indexes guard that again.
 */
export function enqueuePaymentAlerts(
  tx: DbOrTx,
  row: Transaction,
  payerAccountId: string | undefined,
  now: Date = new Date(),
): Promise<number> {
  return enqueueAlerts(tx, row, { transactionId: row.id }, () => factsOf(tx, row, payerAccountId), now);
}

/** Writes the alerts of a customer's receipt verified for the first time, inside the transaction that records it. */
export function enqueueReceiptAlerts(tx: DbOrTx, payment: VerifiedPayment, now: Date = new Date()): Promise<number> {
  const facts = async (): Promise<PaymentFacts> => ({
    kind: "verified",
    amount: payment.amount,
    currency: payment.currency,
    mode: payment.mode,
    billNumber: null,
    orderId: null,
    linkTitle: null,
    payerBank: payerBankOf(payment.fromAccountId ?? undefined),
    paidAt: payment.paidAt ?? payment.createdAt,
    dashboardUrl: `${appUrl()}/dashboard/receipts?mode=${payment.mode}`,
  });
  return enqueueAlerts(tx, payment, { verifiedPaymentId: payment.id }, facts, now);
}
