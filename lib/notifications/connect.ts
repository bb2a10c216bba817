import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import type { Locale, AlertScope } from "@/lib/config/enums";
import { getDb } from "@/lib/db";
import { merchantProfiles, telegramChats, telegramConnectCodes } from "@/lib/db/schema";
import { log } from "@/lib/log";
import { queueTelegramReply } from "./replies";
import { telegramBotUsername, type TelegramUpdate } from "./telegram-api";
import { telegramConnectedMessage, telegramInvalidCodeMessage } from "./templates";

/** Long enough to open Telegram and tap Start; short enough that a code seen over a shoulder is soon useless. */
export const CONNECT_CODE_TTL_MS = 15 * 60_000;

const hashCode = (code: string) => createHash("sha256").update(code).digest("hex");

export type ConnectLink = { code: string; privateChatUrl: string; groupUrl: string; botUsername: string; expiresAt: Date };

/**
 * A one-time code (24 random bytes, base64url: within Telegram's 64 characters of A–Z a–z 0–9 _ -) and the
 * t.me links that send it to the bot as `/start <code>`; only its hash is stored.
 */
export async function createConnectLink(userId: string, scope: AlertScope, locale: Locale, now: Date = new Date()): Promise<ConnectLink> {
  const botUsername = await telegramBotUsername();
  const code = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + CONNECT_CODE_TTL_MS);
  const db = await getDb();
  await db
    .insert(telegramConnectCodes)
    .values({ id: randomUUID(), userId, codeHash: hashCode(code), scope, locale, expiresAt, createdAt: now });
  return {
    code,
    botUsername,
    expiresAt,
    privateChatUrl: `https://t.me/${botUsername}?start=${code}`,
    groupUrl: `https://t.me/${botUsername}?startgroup=${code}`,
  };
}

/** "/start <code>" or, in groups, "/start@<bot> <code>"; null for anything else. */
export function startPayload(text: string | undefined): string | null {
  const match = /^\/start(?:@\w+)?\s+([A-Za-z0-9_-]{1,64})\s*$/.exec(text ?? "");
  return match?.[1] ?? null;
}

function chatTitle(chat: NonNullable<TelegramUpdate["message"]>["chat"]): string {
  const name = chat.title ?? [chat.first_name, chat.last_name].filter(Boolean).join(" ");
  return name || (chat.username ? `@${chat.username}` : String(chat.id));
}

/**
 * Uses a connection code: one conditional update takes it (unused, unexpired), so of two /start messages
 * with one code only one connects. The chat is connected (again, if it was disconnected) with the code's
 * scope and language, and the bot's confirmation is queued in the same transaction.
 */
async function connectChat(
  updateId: number,
  code: string,
  chat: NonNullable<TelegramUpdate["message"]>["chat"],
  now: Date,
): Promise<boolean> {
  const db = await getDb();
  const connected = await db.transaction(async (tx) => {
    const [taken] = await tx
      .update(telegramConnectCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(telegramConnectCodes.codeHash, hashCode(code)),
          isNull(telegramConnectCodes.usedAt),
          gt(telegramConnectCodes.expiresAt, now),
        ),
      )
      .returning();
    if (!taken) return null;
    const values = {
      title: chatTitle(chat),
      scope: taken.scope,
      locale: taken.locale,
      connectedAt: now,
      disconnectedAt: null,
      disconnectReason: null,
    };
    const [row] = await tx
      .insert(telegramChats)
      .values({ id: randomUUID(), userId: taken.userId, chatId: chat.id, ...values })
      .onConflictDoUpdate({ target: [telegramChats.userId, telegramChats.chatId], set: values })
      .returning();
    await tx.update(telegramConnectCodes).set({ telegramChatId: row!.id }).where(eq(telegramConnectCodes.id, taken.id));
    const [profile] = await tx
      .select({ name: merchantProfiles.merchantName })
      .from(merchantProfiles)
      .where(eq(merchantProfiles.userId, taken.userId));
    const text = telegramConnectedMessage(row!.locale, profile?.name ?? "KHQR Pay");
    await queueTelegramReply(tx, { updateId, chatId: chat.id, text }, now);
    return row!;
  });
  if (!connected) return false;
  log("info", "telegram_chat_connected", { user_id: connected.userId, telegram_chat: connected.id });
  return true;
}

/**
 * One update from Telegram (webhook or getUpdates): only `/start <code>` messages mean anything to us. The
 * answer in the chat (connected, or the code refused) goes out through the reply outbox.
 */
export async function handleTelegramUpdate(update: TelegramUpdate, now: Date = new Date()): Promise<void> {
  const message = update.message;
  const code = startPayload(message?.text);
  if (!message || code === null) return;
  if (await connectChat(update.update_id, code, message.chat, now)) return;
  const db = await getDb();
  await queueTelegramReply(db, { updateId: update.update_id, chatId: message.chat.id, text: telegramInvalidCodeMessage() }, now);
}

/** Deletes connection codes a day past their expiry, used or not: nothing reads them once they cannot be used. */
export async function pruneExpiredConnectCodes(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const before = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const deleted = await db
    .delete(telegramConnectCodes)
    .where(lt(telegramConnectCodes.expiresAt, before))
    .returning({ id: telegramConnectCodes.id });
  return deleted.length;
}
