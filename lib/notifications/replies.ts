import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { claimDueOutboxRows, getDb, type DbOrTx } from "@/lib/db";
import { telegramReplies, type TelegramReply } from "@/lib/db/schema";
import { log } from "@/lib/log";
import { telegramBotToken } from "./config";
import { sendTelegramMessage } from "./telegram-api";
import { afterTelegramFailure } from "./telegram-failure";

const SEND_LEASE_MS = 60_000;
const BATCH = 20;

export type TelegramReplyToSend = { updateId: number; chatId: number; text: string };

/**
 * Queues the bot's answer to one update, in the caller's transaction when it has one: once per update
 * however often Telegram delivers it (the webhook is retried on any error, getUpdates may repeat).
 */
export async function queueTelegramReply(db: DbOrTx, reply: TelegramReplyToSend, now: Date): Promise<void> {
  await db
    .insert(telegramReplies)
    .values({ id: randomUUID(), ...reply, nextAttemptAt: now })
    .onConflictDoNothing();
}

async function sendOne(reply: TelegramReply, now: Date): Promise<"sent" | "retrying" | "failed"> {
  const db = await getDb();
  const done = { lockedUntil: null, nextAttemptAt: null };
  try {
    await sendTelegramMessage(reply.chatId, reply.text);
    await db
      .update(telegramReplies)
      .set({ ...done, status: "succeeded", sentAt: new Date(), lastError: null })
      .where(eq(telegramReplies.id, reply.id));
    return "sent";
  } catch (error) {
    const failure = afterTelegramFailure(error, reply.attemptCount, now);
    if (failure.kind === "failed" || failure.kind === "chat_gone") {
      await db
        .update(telegramReplies)
        .set({ ...done, status: "failed", lastError: failure.error.slice(0, 500) })
        .where(eq(telegramReplies.id, reply.id));
      return "failed";
    }
    const retry = failure.kind === "moved" ? { atMs: now.getTime(), counts: false } : failure;
    await db
      .update(telegramReplies)
      .set({
        nextAttemptAt: new Date(retry.atMs),
        lockedUntil: null,
        lastError: failure.error.slice(0, 500),
        ...(failure.kind === "moved" ? { chatId: failure.chatId } : {}),
        ...(retry.counts ? {} : { attemptCount: sql`${telegramReplies.attemptCount} - 1` }),
      })
      .where(eq(telegramReplies.id, reply.id));
    return "retrying";
  }
}

/**
 * One pass of the bot's reply outbox: claims due replies (leased, so two instances never send one at once),
 * sends each and records the outcome, retrying by Telegram's rules (lib/notifications/telegram-failure.ts).
 */
export async function sendDueTelegramReplies(now: Date = new Date()): Promise<{ sent: number; retrying: number; failed: number }> {
  const summary = { sent: 0, retrying: 0, failed: 0 };
  if (!telegramBotToken()) return summary;
  const claimed = await claimDueOutboxRows(telegramReplies, { now, leaseMs: SEND_LEASE_MS, limit: BATCH });
  for (const reply of claimed) {
    const outcome = await sendOne(reply, now);
    log(outcome === "sent" ? "info" : "warn", "telegram_reply", { reply_id: reply.id, attempt: reply.attemptCount, outcome });
    summary[outcome] += 1;
  }
  return summary;
}
