import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A Telegram Bot API stand-in on a real socket (getMe, sendMessage, getUpdates with long polling,
 * setWebhook, deleteWebhook), so the app's own Bot API client runs in tests exactly as in production.
 * Tests play the users (a message from a chat becomes an update) and make calls fail (429, 403, …).
 */

export type FakeChat = { id: number; type: "private" | "group" | "supergroup"; title?: string; first_name?: string };
export type FakeSentMessage = { chat_id: number; text: string; parse_mode?: string };
export type FakeFailure = { error_code: number; description: string; retry_after?: number; migrate_to_chat_id?: number; times?: number };
type Update = { update_id: number; message: { message_id: number; date: number; text: string; chat: FakeChat } };

export type FakeTelegram = {
  /** The base URL to set as TELEGRAM_API_URL. */
  url: string;
  token: string;
  botUsername: string;
  /** A user (or group member) sends `text` in `chat`: queued for getUpdates, or POSTed to the webhook if one is set. */
  userSends(chat: FakeChat, text: string): Promise<void>;
  /** Makes the next calls of `method` answer this error (once, or `times` times). */
  failNext(method: string, failure: FakeFailure): void;
  readonly sent: FakeSentMessage[];
  readonly calls: { method: string; body: Record<string, unknown> }[];
  readonly webhook: { url: string; secret_token?: string } | null;
  /** Resolves once `count` messages were sent (matching `filter` when given), or rejects after `timeoutMs`. */
  waitForSent(count: number, filter?: (message: FakeSentMessage) => boolean, timeoutMs?: number): Promise<FakeSentMessage[]>;
  close(): Promise<void>;
};

export async function startFakeTelegram(options: { token?: string; botUsername?: string; port?: number } = {}): Promise<FakeTelegram> {
  const token = options.token ?? "123456:fake-bot-token";
  const botUsername = options.botUsername ?? "khqr_pay_test_bot";
  const updates: Update[] = [];
  const sent: FakeSentMessage[] = [];
  const calls: { method: string; body: Record<string, unknown> }[] = [];
  const failures = new Map<string, FakeFailure[]>();
  const waiters = new Set<() => void>();
  let webhook: { url: string; secret_token?: string } | null = null;
  let nextUpdateId = 1000;
  let nextMessageId = 1;

  const wakeAll = () => {
    for (const wake of [...waiters]) wake();
  };

  const readBody = async (request: IncomingMessage): Promise<Record<string, unknown>> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };

  const answer = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  const error = (response: ServerResponse, failure: FakeFailure) => {
    const parameters = {
      ...(failure.retry_after === undefined ? {} : { retry_after: failure.retry_after }),
      ...(failure.migrate_to_chat_id === undefined ? {} : { migrate_to_chat_id: failure.migrate_to_chat_id }),
    };
    answer(response, failure.error_code, {
      ok: false,
      error_code: failure.error_code,
      description: failure.description,
      ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
    });
  };

  const pendingUpdates = (offset: number) => updates.filter((update) => update.update_id >= offset);

  async function getUpdates(body: Record<string, unknown>): Promise<Update[]> {
    const offset = Number(body.offset ?? 0);
    // Confirmed updates (below the offset) are forgotten, as Telegram does.
    for (let i = updates.length - 1; i >= 0; i--) if (updates[i]!.update_id < offset) updates.splice(i, 1);
    const deadline = Date.now() + Math.min(Number(body.timeout ?? 0), 50) * 1000;
    while (pendingUpdates(offset).length === 0 && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, deadline - Date.now());
        function done() {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        }
        waiters.add(done);
      });
    }
    return pendingUpdates(offset);
  }

  const server = http.createServer(async (request, response) => {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url ?? "");
    if (!match) return answer(response, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, sentToken, method] = match as unknown as [string, string, string];
    const body = await readBody(request);
    calls.push({ method, body });
    if (sentToken !== token) return answer(response, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const queued = failures.get(method);
    if (queued && queued.length > 0) {
      const failure = queued[0]!;
      failure.times = (failure.times ?? 1) - 1;
      if (failure.times <= 0) queued.shift();
      return error(response, failure);
    }
    switch (method) {
      case "getMe":
        return answer(response, 200, { ok: true, result: { id: 123456, is_bot: true, first_name: "KHQR Pay", username: botUsername } });
      case "sendMessage": {
        const message = { chat_id: Number(body.chat_id), text: String(body.text ?? ""), parse_mode: body.parse_mode as string | undefined };
        if (!message.text) return error(response, { error_code: 400, description: "Bad Request: message text is empty" });
        sent.push(message);
        wakeAll();
        return answer(response, 200, {
          ok: true,
          result: { message_id: nextMessageId++, chat: { id: message.chat_id }, text: message.text },
        });
      }
      case "getUpdates":
        if (webhook)
          return error(response, { error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active" });
        return answer(response, 200, { ok: true, result: await getUpdates(body) });
      case "setWebhook":
        webhook = { url: String(body.url), secret_token: body.secret_token as string | undefined };
        return answer(response, 200, { ok: true, result: true, description: "Webhook was set" });
      case "deleteWebhook":
        webhook = null;
        return answer(response, 200, { ok: true, result: true, description: "Webhook was deleted" });
      default:
        return answer(response, 404, { ok: false, error_code: 404, description: "Not Found: method not found" });
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    botUsername,
    sent,
    calls,
    get webhook() {
      return webhook;
    },
    async userSends(chat, text) {
      const update: Update = {
        update_id: nextUpdateId++,
        message: { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), text, chat },
      };
      if (!webhook) {
        updates.push(update);
        wakeAll();
        return;
      }
      await fetch(webhook.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(webhook.secret_token ? { "x-telegram-bot-api-secret-token": webhook.secret_token } : {}),
        },
        body: JSON.stringify(update),
      });
    },
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), { ...failure }]);
    },
    async waitForSent(count, filter = () => true, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (sent.filter(filter).length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} Telegram messages, got ${sent.filter(filter).length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return sent.filter(filter);
    },
    close() {
      wakeAll();
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
