import { eq, sql } from "drizzle-orm";
import { claimDueOutboxRows, getDb } from "@/lib/db";
import { paymentAlerts, telegramChats, type PaymentAlert } from "@/lib/db/schema";
import { log } from "@/lib/log";
import { telegramBotToken } from "./config";
import { sendTelegramMessage, TelegramApiError } from "./telegram-api";

/** After failed attempt n (1-based) the next is this far away (±20 %); past the last the alert is failed. */
const RETRY_DELAYS_MS = [5_000, 30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000];
export const ALERT_MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
const SEND_LEASE_MS = 60_000;
const BATCH = 20;

const jitter = (ms: number) => Math.round(ms * (0.8 + Math.random() * 0.4));

type Outcome =
  | { kind: "sent" }
  | { kind: "retry"; atMs: number; error: string; counts: boolean }
  | { kind: "failed"; error: string }
  | { kind: "chat_gone"; error: string };

async function send(alert: PaymentAlert, now: Date): Promise<Outcome> {
  const db = await getDb();
  const [chat] = await db.select().from(telegramChats).where(eq(telegramChats.id, alert.telegramChatId!));
  if (!chat || chat.disconnectedAt) return { kind: "failed", error: "the chat was disconnected before the alert was sent" };
  try {
    await sendTelegramMessage(chat.chatId, alert.text);
    return { kind: "sent" };
  } catch (error) {
    if (!(error instanceof TelegramApiError)) throw error;
    if (error.errorCode === 429) {
      // Telegram says how long to wait; sooner would only be refused again.
      return { kind: "retry", atMs: now.getTime() + (error.retryAfterSeconds ?? 5) * 1000, error: error.message, counts: false };
    }
    if (error.errorCode === 403) return { kind: "chat_gone", error: error.description };
    if (error.errorCode === 400 && error.migrateToChatId !== undefined) {
      // The group became a supergroup with a new id: remember it and send there at once.
      await db.update(telegramChats).set({ chatId: error.migrateToChatId }).where(eq(telegramChats.id, chat.id));
      return { kind: "retry", atMs: now.getTime(), error: error.message, counts: false };
    }
    const delay = RETRY_DELAYS_MS[alert.attemptCount - 1];
    if (delay === undefined) return { kind: "failed", error: error.message };
    return { kind: "retry", atMs: now.getTime() + jitter(delay), error: error.message, counts: true };
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
