/** Payment alerts to Telegram chats and by email: the Bot API client, connect codes, the alert outbox and its sending pass. */
export { enqueuePaymentAlerts, enqueueReceiptAlerts, payerBankOf } from "./enqueue-alerts";
export { sendDueTelegramAlerts } from "./send-alerts";
export { sendDueTelegramReplies } from "./replies";
export { receiveTelegramUpdates, isTelegramWebhookRequest } from "./updates";
export {
  createConnectLink,
  handleTelegramUpdate,
  pruneExpiredConnectCodes,
  startPayload,
  CONNECT_CODE_TTL_MS,
  type ConnectLink,
} from "./connect";
export {
  listTelegramChats,
  disconnectTelegramChat,
  DISCONNECTED_BY_USER,
  emailAlertSetting,
  setEmailAlerts,
  alertLog,
  type AlertLogEntry,
} from "./manage";
export { telegramBotToken, receivesUpdatesByWebhook } from "./config";
export { telegramPaymentAlert, emailPaymentAlert, type PaymentFacts } from "./templates";
export type { TelegramUpdate } from "./telegram-api";
