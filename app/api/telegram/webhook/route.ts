import { handleTelegramUpdate, isTelegramWebhookRequest, type TelegramUpdate } from "@/lib/notifications";

/** Telegram's pushed updates (when the app is public over https): refused without the secret we gave setWebhook. */
export async function POST(request: Request): Promise<Response> {
  if (!isTelegramWebhookRequest(request.headers.get("x-telegram-bot-api-secret-token"))) return new Response(null, { status: 401 });
  const update = (await request.json().catch(() => null)) as TelegramUpdate | null;
  if (update && typeof update.update_id === "number") await handleTelegramUpdate(update);
  return new Response(null, { status: 200 });
}
