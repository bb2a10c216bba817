import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as telegramWebhook } from "@/app/api/telegram/webhook/route";
import { getDb } from "@/lib/db";
import { emailOutbox, paymentAlerts, telegramChats, telegramReplies, transactions } from "@/lib/db/schema";
import {
  alertLog,
  createConnectLink,
  disconnectTelegramChat,
  handleTelegramUpdate,
  listTelegramChats,
  receiveTelegramUpdates,
  sendDueTelegramAlerts,
  sendDueTelegramReplies,
  setEmailAlerts,
  startPayload,
} from "@/lib/notifications";
import { checkTransaction, createQr, settleWithBakongResult, simulatePayment, verifyReceipt } from "@/lib/payments";
import { startFakeTelegram, type FakeChat, type FakeTelegram } from "../fakes/fake-telegram-server";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";

let telegram: FakeTelegram;
let merchant: TestMerchant;
let nextChatId = 5000;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  process.env.TELEGRAM_BOT_TOKEN = telegram.token;
  process.env.TELEGRAM_API_URL = telegram.url;
});

afterAll(async () => {
  delete process.env.TELEGRAM_BOT_TOKEN;
  delete process.env.TELEGRAM_API_URL;
  delete process.env.TELEGRAM_WEBHOOK_SECRET;
  await telegram.close();
});

beforeEach(async () => {
  merchant = await createTestMerchant();
  // Replies other tests queued and left unsent would otherwise be counted in this test's passes.
  await (await getDb()).delete(telegramReplies);
});

const privateChat = (): FakeChat => ({ id: nextChatId++, type: "private", first_name: "Sokha" });
const toChat = (chatId: number) => telegram.sent.filter((message) => message.chat_id === chatId);

/** The merchant connects a chat the way a user does: opens the t.me link, Telegram sends /start <code>. */
async function connect(chat: FakeChat, locale: "km" | "en" = "en", scope: "live" | "test" | "both" = "both", account = merchant) {
  const link = await createConnectLink(account.userId, scope, locale);
  await telegram.userSends(chat, chat.type === "private" ? `/start ${link.code}` : `/start@${telegram.botUsername} ${link.code}`);
  await receiveTelegramUpdates();
  await sendDueTelegramReplies();
  return link;
}

async function paidQr(amount = 5, account = merchant) {
  const qr = await createQr(account.test, { amount, currency: "USD", bill_number: "INV-7", order_id: `order-${nextChatId++}` });
  await simulatePayment(account.test, { md5: qr.md5 });
  await checkTransaction(account.test, qr.md5);
  const db = await getDb();
  const [row] = await db.select().from(transactions).where(eq(transactions.md5, qr.md5));
  return row!;
}

async function alertsOf(transactionId: string) {
  const db = await getDb();
  return db.select().from(paymentAlerts).where(eq(paymentAlerts.transactionId, transactionId));
}

describe("connecting a Telegram chat", () => {
  it("links t.me with a one-time code and connects the chat that sends /start <code>, confirming in the chat", async () => {
    const chat = privateChat();
    const link = await connect(chat, "km");
    expect(link.privateChatUrl).toBe(`https://t.me/${telegram.botUsername}?start=${link.code}`);
    expect(link.groupUrl).toBe(`https://t.me/${telegram.botUsername}?startgroup=${link.code}`);
    expect(link.code).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const chats = await listTelegramChats(merchant.userId);
    expect(chats).toMatchObject([{ chatId: chat.id, title: "Sokha", locale: "km", scope: "both", disconnectedAt: null }]);
    expect(toChat(chat.id)).toHaveLength(1);
    expect(toChat(chat.id)[0]!.text).toContain("ភ្ជាប់ជាមួយ KHQR Pay");
    expect(toChat(chat.id)[0]!.text).toContain("Coffee Shop");
  });

  it("connects a group from /start@bot <code>, and refuses a used code", async () => {
    const group: FakeChat = { id: -1001234, type: "supergroup", title: "Shop <staff> & co" };
    const link = await connect(group);
    expect((await listTelegramChats(merchant.userId)).map((chat) => chat.chatId)).toEqual([group.id]);
    expect(toChat(group.id).at(-1)!.text).toContain("connected");

    const stranger = privateChat();
    await telegram.userSends(stranger, `/start ${link.code}`);
    await receiveTelegramUpdates();
    await sendDueTelegramReplies();
    expect(toChat(stranger.id).at(-1)!.text).toContain("not valid or has expired");
    expect((await listTelegramChats(merchant.userId)).map((chat) => chat.chatId)).toEqual([group.id]);
  });

  it("pauses polling after a failed getUpdates instead of asking every second", async () => {
    telegram.failNext("getUpdates", { error_code: 502, description: "Bad Gateway" });
    const now = new Date();
    expect(await receiveTelegramUpdates(now)).toBe(0);
    const asked = telegram.calls.filter((call) => call.method === "getUpdates").length;
    expect(await receiveTelegramUpdates(new Date(now.getTime() + 1000))).toBe(0);
    expect(telegram.calls.filter((call) => call.method === "getUpdates").length).toBe(asked);
    const chat = privateChat();
    const link = await createConnectLink(merchant.userId, "both", "en");
    await telegram.userSends(chat, `/start ${link.code}`);
    expect(await receiveTelegramUpdates(new Date(Date.now() + 16_000))).toBe(1);
    expect(await listTelegramChats(merchant.userId)).toHaveLength(1);
  });

  it("ignores other messages and reads the code only from /start", () => {
    expect(startPayload("/start abc_DEF-1")).toBe("abc_DEF-1");
    expect(startPayload("/start@khqr_bot abc")).toBe("abc");
    expect(startPayload("hello")).toBeNull();
    expect(startPayload("/start")).toBeNull();
    expect(startPayload("/start a b")).toBeNull();
  });

  it("receives updates by webhook with the secret header, refusing requests without it", async () => {
    const chat = privateChat();
    const link = await createConnectLink(merchant.userId, "test", "en");
    process.env.TELEGRAM_WEBHOOK_SECRET = "hook_secret_1";
    try {
      const update = { update_id: 1, message: { message_id: 1, date: 0, text: `/start ${link.code}`, chat } };
      const refused = await telegramWebhook(
        new Request("http://localhost/api/telegram/webhook", { method: "POST", body: JSON.stringify(update) }),
      );
      expect(refused.status).toBe(401);
      expect(await listTelegramChats(merchant.userId)).toHaveLength(0);
      const accepted = await telegramWebhook(
        new Request("http://localhost/api/telegram/webhook", {
          method: "POST",
          headers: { "x-telegram-bot-api-secret-token": "hook_secret_1" },
          body: JSON.stringify(update),
        }),
      );
      expect(accepted.status).toBe(200);
      expect(await listTelegramChats(merchant.userId)).toHaveLength(1);
    } finally {
      delete process.env.TELEGRAM_WEBHOOK_SECRET;
    }
  });

  it("confirms through the reply outbox: Telegram down at the moment of connecting delays the reply, never loses it", async () => {
    const chat = privateChat();
    const link = await createConnectLink(merchant.userId, "both", "en");
    await telegram.userSends(chat, `/start ${link.code}`);
    await receiveTelegramUpdates();
    expect(await listTelegramChats(merchant.userId)).toHaveLength(1);
    expect(toChat(chat.id)).toHaveLength(0);

    telegram.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    const now = new Date();
    expect(await sendDueTelegramReplies(now)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(toChat(chat.id)).toHaveLength(0);
    expect(await sendDueTelegramReplies(new Date(now.getTime() + 3_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await sendDueTelegramReplies(new Date(now.getTime() + 7_000))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(toChat(chat.id).map((message) => message.text)).toEqual([expect.stringContaining("connected")]);
    const db = await getDb();
    const [reply] = await db.select().from(telegramReplies).where(eq(telegramReplies.chatId, chat.id));
    expect(reply).toMatchObject({ status: "succeeded", attemptCount: 2, lastError: null });
  });

  it("answers an update once however often Telegram delivers it", async () => {
    const chat = privateChat();
    const link = await createConnectLink(merchant.userId, "both", "en");
    const update = { update_id: 77_001, message: { message_id: 1, date: 0, text: `/start ${link.code}`, chat } };
    const unknown = { update_id: 77_002, message: { message_id: 2, date: 0, text: "/start not-a-code", chat } };
    for (let delivery = 0; delivery < 3; delivery++) {
      await handleTelegramUpdate(update);
      await handleTelegramUpdate(unknown);
    }
    await sendDueTelegramReplies();
    await sendDueTelegramReplies();
    expect(toChat(chat.id).map((message) => message.text)).toEqual([
      expect.stringContaining("connected"),
      expect.stringContaining("not valid or has expired"),
    ]);
  });

  it("gives a reply up after a 403 (the user blocked the bot) without retrying", async () => {
    const chat = privateChat();
    await handleTelegramUpdate({ update_id: 88_001, message: { text: "/start nope", chat } });
    telegram.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    expect(await sendDueTelegramReplies()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await sendDueTelegramReplies(new Date(Date.now() + 86_400_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(toChat(chat.id)).toHaveLength(0);
  });
});

describe("payment alerts", () => {
  it("sends one alert per payment to each connected chat, in its language, with amount, bill, bank and time in Cambodia", async () => {
    const english = privateChat();
    const khmer = privateChat();
    await connect(english, "en");
    await connect(khmer, "km");
    const row = await paidQr(5);
    expect(await alertsOf(row.id)).toHaveLength(2);
    expect(await sendDueTelegramAlerts()).toMatchObject({ sent: 2 });
    expect(await sendDueTelegramAlerts()).toMatchObject({ sent: 0 });
    const [en] = toChat(english.id).slice(1);
    expect(en!.parse_mode).toBe("HTML");
    expect(en!.text).toContain("Payment received: $5.00");
    expect(en!.text).toContain("Bill number: INV-7");
    expect(en!.text).toContain(" ICT");
    expect(en!.text).toContain(`/dashboard/transactions/${row.id}`);
    expect(en!.text).toContain("Test mode");
    const [km] = toChat(khmer.id).slice(1);
    expect(km!.text).toContain("បានទទួលការទូទាត់៖ $5.00");
    expect(km!.text).toContain("លេខវិក្កយបត្រ៖ INV-7");
    expect(km!.text).toContain("ម៉ោងកម្ពុជា");
    expect(toChat(english.id)).toHaveLength(2);
  });

  it("writes the alert exactly once however often the payment is settled", async () => {
    const chat = privateChat();
    await connect(chat);
    const row = await paidQr(3);
    const found = {
      status: "found" as const,
      transaction: { hash: "f".repeat(64), toAccountId: row.toAccountId, amount: 3, currency: "USD" },
      raw: {},
    };
    const pending = { ...row, status: "pending" as const };
    await Promise.all([settleWithBakongResult(pending, found), settleWithBakongResult(pending, found)]);
    expect(await alertsOf(row.id)).toHaveLength(1);
    await sendDueTelegramAlerts();
    expect(toChat(chat.id)).toHaveLength(2);
  });

  it("only alerts chats whose scope covers the payment's mode", async () => {
    const liveOnly = privateChat();
    await connect(liveOnly, "en", "live");
    const row = await paidQr();
    expect(await alertsOf(row.id)).toHaveLength(0);
  });

  it("waits Telegram's retry_after on 429, then sends the alert once", async () => {
    const chat = privateChat();
    await connect(chat);
    const row = await paidQr();
    telegram.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 7", retry_after: 7 });
    const now = new Date();
    expect(await sendDueTelegramAlerts(now)).toMatchObject({ retrying: 1, sent: 0 });
    const [alert] = await alertsOf(row.id);
    expect(alert).toMatchObject({ status: "pending", attemptCount: 0 });
    expect(alert!.nextAttemptAt!.getTime()).toBe(now.getTime() + 7000);
    expect(alert!.lastError).toContain("429");
    expect(await sendDueTelegramAlerts(new Date(now.getTime() + 6000))).toMatchObject({ sent: 0, retrying: 0 });
    expect(await sendDueTelegramAlerts(new Date(now.getTime() + 7000))).toMatchObject({ sent: 1 });
    expect(toChat(chat.id)).toHaveLength(2);
    expect((await alertsOf(row.id))[0]).toMatchObject({ status: "succeeded", attemptCount: 1 });
  });

  it("retries other failures with backoff", async () => {
    const chat = privateChat();
    await connect(chat);
    const row = await paidQr();
    telegram.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" });
    const now = new Date();
    expect(await sendDueTelegramAlerts(now)).toMatchObject({ retrying: 1 });
    const [alert] = await alertsOf(row.id);
    expect(alert!.nextAttemptAt!.getTime() - now.getTime()).toBeGreaterThanOrEqual(4000);
    expect(await sendDueTelegramAlerts(new Date(now.getTime() + 6001))).toMatchObject({ sent: 1 });
  });

  it("marks a chat that blocked the bot (403) disconnected, fails its alert and alerts it no more", async () => {
    const chat = privateChat();
    await connect(chat);
    const row = await paidQr();
    telegram.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    expect(await sendDueTelegramAlerts()).toMatchObject({ failed: 1 });
    expect((await alertsOf(row.id))[0]).toMatchObject({ status: "failed", lastError: "Forbidden: bot was blocked by the user" });
    const [stored] = await listTelegramChats(merchant.userId);
    expect(stored!.disconnectedAt).not.toBeNull();
    expect(stored!.disconnectReason).toContain("blocked");
    const next = await paidQr();
    expect(await alertsOf(next.id)).toHaveLength(0);
    expect((await alertLog(merchant.userId)).map((entry) => entry.status)).toEqual(["failed"]);
  });

  it("stops alerting a chat disconnected in the dashboard", async () => {
    const chat = privateChat();
    await connect(chat);
    const [stored] = await listTelegramChats(merchant.userId);
    await disconnectTelegramChat(merchant.userId, stored!.id);
    await expect(disconnectTelegramChat(merchant.userId, stored!.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await alertsOf((await paidQr()).id)).toHaveLength(0);
  });

  it("queues an email alert in the email outbox when email alerts are on", async () => {
    await setEmailAlerts(merchant.userId, { scope: "test", locale: "en" });
    const row = await paidQr(7);
    const [alert] = await alertsOf(row.id);
    expect(alert).toMatchObject({ channel: "email" });
    const db = await getDb();
    const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, alert!.emailId!));
    expect(email).toMatchObject({ toAddress: merchant.email, subject: "Payment received: $7.00" });
    await setEmailAlerts(merchant.userId, null);
    expect(await alertsOf((await paidQr()).id)).toHaveLength(0);
  });

  it("alerts once when a customer's receipt (a static QR's payment) is verified the first time", async () => {
    const chat = privateChat();
    await connect(chat);
    const sticker = await createQr(merchant.test, { currency: "USD" });
    const paid = await simulatePayment(merchant.test, { md5: sticker.md5, amount: 4.5 });
    const verifier = { ...merchant.test, source: "api" as const, apiKeyId: merchant.testKey.id };
    await verifyReceipt(verifier, { hash: paid.hash });
    await verifyReceipt(verifier, { hash: paid.hash });
    expect(await sendDueTelegramAlerts()).toMatchObject({ sent: 1 });
    const alerts = toChat(chat.id).slice(1);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.text).toContain("Receipt verified: $4.50");
    expect(alerts[0]!.text).toContain("/dashboard/receipts?mode=test");
    expect((await alertLog(merchant.userId))[0]).toMatchObject({
      transactionId: null,
      amount: "4.50",
      currency: "USD",
      status: "succeeded",
    });
  });

  it("does nothing without TELEGRAM_BOT_TOKEN", async () => {
    delete process.env.TELEGRAM_BOT_TOKEN;
    try {
      expect(await receiveTelegramUpdates()).toBe(0);
      expect(await sendDueTelegramAlerts()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    } finally {
      process.env.TELEGRAM_BOT_TOKEN = telegram.token;
    }
  });
});

describe("a group upgraded to a supergroup", () => {
  it("moves to the new chat id Telegram names and sends there", async () => {
    const group: FakeChat = { id: -4242, type: "group", title: "Shop" };
    await connect(group);
    const row = await paidQr();
    telegram.failNext("sendMessage", {
      error_code: 400,
      description: "Bad Request: group chat was upgraded to a supergroup chat",
      migrate_to_chat_id: -1009999,
    });
    await sendDueTelegramAlerts();
    await sendDueTelegramAlerts();
    expect(toChat(-1009999)).toHaveLength(1);
    const db = await getDb();
    const [stored] = await db.select().from(telegramChats).where(eq(telegramChats.userId, merchant.userId));
    expect(stored!.chatId).toBe(-1009999);
    expect((await alertsOf(row.id))[0]!.status).toBe("succeeded");
  });
});
