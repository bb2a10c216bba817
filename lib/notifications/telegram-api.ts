import { telegramApiUrl, telegramBotToken } from "./config";

/** A Bot API answer with ok: false, or no answer at all (errorCode 0). */
export class TelegramApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly retryAfterSeconds?: number,
    readonly migrateToChatId?: number,
  ) {
    super(`Telegram ${errorCode || "unreachable"}: ${description}`);
    this.name = "TelegramApiError";
  }
}

type Envelope = {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
};

const DEFAULT_TIMEOUT_MS = 10_000;

/** One Bot API call (POST, JSON body) with the configured token; the result, or a TelegramApiError. */
export async function callTelegram<Result>(method: string, params: object, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Result> {
  const token = telegramBotToken();
  if (!token) throw new TelegramApiError(0, "TELEGRAM_BOT_TOKEN is not set");
  let response: Response;
  try {
    response = await fetch(`${telegramApiUrl()}/bot${token}/${method}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(params),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new TelegramApiError(0, error instanceof Error ? error.message : String(error));
  }
  const envelope = (await response.json().catch(() => null)) as Envelope | null;
  if (envelope?.ok) return envelope.result as Result;
  throw new TelegramApiError(
    envelope?.error_code ?? response.status,
    envelope?.description ?? `HTTP ${response.status}`,
    envelope?.parameters?.retry_after,
    envelope?.parameters?.migrate_to_chat_id,
  );
}

export type TelegramChatInfo = { id: number; type: string; title?: string; username?: string; first_name?: string; last_name?: string };
export type TelegramUpdate = { update_id: number; message?: { text?: string; chat: TelegramChatInfo } };

let botUsername: Promise<string> | undefined;

/** The bot's @username (for t.me links), asked once per process. */
export function telegramBotUsername(): Promise<string> {
  botUsername ??= callTelegram<{ username: string }>("getMe", {}).then(
    (me) => me.username,
    (error: unknown) => {
      botUsername = undefined;
      throw error;
    },
  );
  return botUsername;
}

export function sendTelegramMessage(chatId: number, text: string) {
  return callTelegram<{ message_id: number }>("sendMessage", {
    chat_id: chatId,
    text,
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
  });
}
