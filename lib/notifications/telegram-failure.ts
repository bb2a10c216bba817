import { TelegramApiError } from "./telegram-api";

/** After failed attempt n (1-based) the next is this far away (±20 %); past the last the message is failed. */
const RETRY_DELAYS_MS = [5_000, 30_000, 2 * 60_000, 10 * 60_000, 60 * 60_000, 6 * 60 * 60_000];

const jitter = (ms: number) => Math.round(ms * (0.8 + Math.random() * 0.4));

export type TelegramFailure =
  /** `counts`: false when Telegram asked for the wait, which does not use up one of the message's attempts. */
  | { kind: "retry"; atMs: number; error: string; counts: boolean }
  /** The group became a supergroup with a new id: send there at once. */
  | { kind: "moved"; chatId: number; error: string }
  | { kind: "failed"; error: string }
  /** 403: the bot was blocked or removed from the chat; nothing will reach it. */
  | { kind: "chat_gone"; error: string };

/**
 * What a failed sendMessage (attempt `attempt`, 1-based) means for the message, by Telegram's rules: a 429
 * waits its retry_after (sooner would only be refused again), a 403 ends it, a migrated group moves it,
 * anything else (5xx, no answer) retries with backoff. Errors other than Telegram's are thrown on.
 */
export function afterTelegramFailure(error: unknown, attempt: number, now: Date): TelegramFailure {
  if (!(error instanceof TelegramApiError)) throw error;
  if (error.errorCode === 429) {
    return { kind: "retry", atMs: now.getTime() + (error.retryAfterSeconds ?? 5) * 1000, error: error.message, counts: false };
  }
  if (error.errorCode === 403) return { kind: "chat_gone", error: error.description };
  if (error.errorCode === 400 && error.migrateToChatId !== undefined) {
    return { kind: "moved", chatId: error.migrateToChatId, error: error.message };
  }
  const delay = RETRY_DELAYS_MS[attempt - 1];
  if (delay === undefined) return { kind: "failed", error: error.message };
  return { kind: "retry", atMs: now.getTime() + jitter(delay), error: error.message, counts: true };
}
