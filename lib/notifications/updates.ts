import { timingSafeEqual } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { telegramState } from "@/lib/db/schema";
import { log } from "@/lib/log";
import { receivesUpdatesByWebhook, telegramBotToken, telegramWebhookSecret, telegramWebhookUrl } from "./config";
import { handleTelegramUpdate } from "./connect";
import { callTelegram, TelegramApiError, type TelegramUpdate } from "./telegram-api";

const STATE_ID = "bot";
/** How long getUpdates holds the request open waiting for a message (Telegram's long polling). */
const LONG_POLL_SECONDS = 5;
const POLL_LEASE_MS = (LONG_POLL_SECONDS + 20) * 1000;
/** After a failed getUpdates (Telegram down, a wrong token), the next try waits this long. */
const FAILURE_PAUSE_MS = 15_000;

/** The one poller: only the instance whose lease this is asks getUpdates (two would steal each other's updates). */
async function takePollLease(now: Date): Promise<number | null> {
  const db = await getDb();
  await db.insert(telegramState).values({ id: STATE_ID }).onConflictDoNothing();
  const [leased] = await db
    .update(telegramState)
    .set({ pollLeaseUntil: new Date(now.getTime() + POLL_LEASE_MS) })
    .where(
      sql`${telegramState.id} = ${STATE_ID} and (${telegramState.pollLeaseUntil} is null or ${telegramState.pollLeaseUntil} <= ${now.toISOString()}::timestamptz)`,
    )
    .returning({ offset: telegramState.updateOffset });
  return leased ? leased.offset : null;
}

/** Hands the lease back with the confirmed offset; after a failure it is kept a while, so a wrong token is not asked every second. */
async function releasePollLease(offset: number, pauseUntil: Date | null): Promise<void> {
  const db = await getDb();
  await db.update(telegramState).set({ updateOffset: offset, pollLeaseUntil: pauseUntil }).where(eq(telegramState.id, STATE_ID));
}

/**
 * Makes Telegram push updates to our webhook, once per URL: the URL set last is remembered in the shared
 * state, so instances do not set it again on every pass.
 */
async function ensureWebhook(): Promise<void> {
  const url = telegramWebhookUrl();
  const db = await getDb();
  const [state] = await db.select({ webhookUrl: telegramState.webhookUrl }).from(telegramState).where(eq(telegramState.id, STATE_ID));
  if (state?.webhookUrl === url) return;
  await callTelegram("setWebhook", { url, secret_token: telegramWebhookSecret(), allowed_updates: ["message"] });
  await db
    .insert(telegramState)
    .values({ id: STATE_ID, webhookUrl: url })
    .onConflictDoUpdate({ target: telegramState.id, set: { webhookUrl: url } });
  log("info", "telegram_webhook_set", { url });
}

/**
 * One pass of receiving Telegram updates in the background: with a public https APP_URL and a webhook
 * secret, makes sure the webhook is set; otherwise long-polls getUpdates under the shared lease and handles
 * what arrives, confirming it by storing the next offset.
 */
export async function receiveTelegramUpdates(now: Date = new Date()): Promise<number> {
  if (!telegramBotToken()) return 0;
  if (receivesUpdatesByWebhook()) {
    await ensureWebhook();
    return 0;
  }
  const offset = await takePollLease(now);
  if (offset === null) return 0;
  let next = offset;
  let pauseUntil: Date | null = null;
  try {
    const updates = await callTelegram<TelegramUpdate[]>(
      "getUpdates",
      { offset, timeout: LONG_POLL_SECONDS, allowed_updates: ["message"] },
      (LONG_POLL_SECONDS + 5) * 1000,
    );
    for (const update of updates) {
      await handleTelegramUpdate(update);
      next = update.update_id + 1;
    }
    return updates.length;
  } catch (error) {
    if (error instanceof TelegramApiError && error.errorCode === 409) {
      // A webhook is still set (the app used to be public): polling needs it gone.
      await callTelegram("deleteWebhook", {}).catch(() => undefined);
    }
    log("warn", "telegram_get_updates_failed", { error_message: error instanceof Error ? error.message : String(error) });
    pauseUntil = new Date(Date.now() + FAILURE_PAUSE_MS);
    return 0;
  } finally {
    await releasePollLease(next, pauseUntil);
  }
}

/** The webhook's check: Telegram sends back the secret we gave setWebhook. */
export function isTelegramWebhookRequest(secretHeader: string | null): boolean {
  const secret = telegramWebhookSecret();
  if (secret === null || secretHeader === null) return false;
  const [sent, expected] = [Buffer.from(secretHeader), Buffer.from(secret)];
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}
