import { appUrl } from "@/lib/config/app-url";

/** The bot's token from @BotFather; without it Telegram alerts are off and the settings page says how to turn them on. */
export function telegramBotToken(): string | null {
  return process.env.TELEGRAM_BOT_TOKEN?.trim() || null;
}

/** The Bot API's base URL: Telegram's, or a fake speaking the same protocol in tests. */
export function telegramApiUrl(): string {
  return (process.env.TELEGRAM_API_URL?.trim() || "https://api.telegram.org").replace(/\/+$/, "");
}

export function telegramWebhookSecret(): string | null {
  return process.env.TELEGRAM_WEBHOOK_SECRET?.trim() || null;
}

/**
 * Telegram pushes updates to /api/telegram/webhook only when the app has a public https URL and a secret
 * to check them with; otherwise the background driver asks for them (getUpdates long polling).
 */
export function receivesUpdatesByWebhook(): boolean {
  return telegramWebhookSecret() !== null && appUrl().startsWith("https://");
}

export function telegramWebhookUrl(): string {
  return `${appUrl()}/api/telegram/webhook`;
}
