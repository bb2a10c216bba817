import { eq, sql } from "drizzle-orm";
import { claimDueOutboxRows, getDb } from "@/lib/db";
import { paymentAlerts, telegramChats, type PaymentAlert } from "@/lib/db/schema";
import { log } from "@/lib/log";
import { telegramBotToken } from "./config";
import { sendTelegramMessage } from "./telegram-api";
import { afterTelegramFailure, type TelegramFailure } from "./telegram-failure";

const SEND_LEASE_MS = 60_000;
const BATCH = 20;

type Outcome = { kind: "sent" } | Exclude<TelegramFailure, { kind: "moved" }>;

async function send(alert: PaymentAlert, now: Date): Promise<Outcome> {
  const db = await getDb();
  const [chat] = await db.select().from(telegramChats).where(eq(telegramChats.id, alert.telegramChatId!));
  if (!chat || chat.disconnectedAt) return { kind: "failed", error: "the chat was disconnected before the alert was sent" };
  try {
    await sendTelegramMessage(chat.chatId, alert.text);
    return { kind: "sent" };
  } catch (error) {
    const failure = afterTelegramFailure(error, alert.attemptCount, now);
    if (failure.kind !== "moved") return failure;
    // Remembered for the chat's later alerts too.
    await db.update(telegramChats).set({ chatId: failure.chatId }).where(eq(telegramChats.id, chat.id));
    return { kind: "retry", atMs: now.getTime(), error: failure.error, counts: false };
  }
}

async function record(alert: PaymentAlert, outcome: Outcome): Promise<void> {
  const db = await getDb();
  const done = { lockedUntil: null, nextAttemptAt: null };
  if (outcome.kind === "sent") {
    await db
      .update(paymentAlerts)
      .set({ ...done, status: "succeeded", sentAt: new Date(), lastError: null })
      .where(eq(paymentAlerts.id, alert.id));
  } else if (outcome.kind === "retry") {
    await db
      .update(paymentAlerts)
      .set({
        nextAttemptAt: new Date(outcome.atMs),
        lockedUntil: null,
        lastError: outcome.error.slice(0, 500),
        // A wait Telegram asked for does not use up one of the alert's attempts.
        ...(outcome.counts ? {} : { attemptCount: sql`${paymentAlerts.attemptCount} - 1` }),
      })
      .where(eq(paymentAlerts.id, alert.id));
  } else {
    await db
      .update(paymentAlerts)
      .set({ ...done, status: "failed", lastError: outcome.error.slice(0, 500) })
      .where(eq(paymentAlerts.id, alert.id));
    if (outcome.kind === "chat_gone") {
      await db
        .update(telegramChats)
        .set({ disconnectedAt: new Date(), disconnectReason: outcome.error.slice(0, 200) })
        .where(eq(telegramChats.id, alert.telegramChatId!));
    }
  }
}

/**
 * One pass of the Telegram alert outbox: claims due alerts (leased, so two instances never send one at
 * once), sends each, and records the outcome. Failures retry with backoff; a 429 waits Telegram's
 * retry_after; a 403 (bot blocked or removed) fails the alert and marks the chat disconnected.
 */
export async function sendDueTelegramAlerts(now: Date = new Date()): Promise<{ sent: number; retrying: number; failed: number }> {
  const summary = { sent: 0, retrying: 0, failed: 0 };
  if (!telegramBotToken()) return summary;
  const claimed = await claimDueOutboxRows(paymentAlerts, {
    now,
    leaseMs: SEND_LEASE_MS,
    limit: BATCH,
    where: eq(paymentAlerts.channel, "telegram"),
  });
  for (const alert of claimed) {
    const outcome = await send(alert, now);
    await record(alert, outcome);
    log(outcome.kind === "sent" ? "info" : "warn", "telegram_alert", {
      alert_id: alert.id,
      transaction_id: alert.transactionId,
      attempt: alert.attemptCount,
      outcome: outcome.kind,
      ...(outcome.kind === "sent" ? {} : { error_message: outcome.error }),
    });
    if (outcome.kind === "sent") summary.sent += 1;
    else if (outcome.kind === "retry") summary.retrying += 1;
    else summary.failed += 1;
  }
  return summary;
}
