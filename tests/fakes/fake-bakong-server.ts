import { createHash, randomBytes } from "node:crypto";
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { BakongTransaction } from "@/lib/bakong";

/**
 * A Bakong Open API stand-in on a real socket, so the live client is tested over HTTP exactly as it runs
 * in production. Programmable from tests (the returned object) and from e2e/dev (POST /_fake/...).
 */

export type FakePaidTransaction = Partial<BakongTransaction> & { toAccountId: string; amount: number; currency: string };
export type FakeFailure = { status: number; body?: unknown; retryAfter?: string | number; times?: number };
export type FakeListMode = "ok" | "forbidden" | "error" | "service_failed";
export type FakeRequest = { path: string; body: unknown; authorization?: string };
/** One Bakong call as it arrived on the wire, for tests of HTTP itself: method, headers, exact body text. */
export type FakeWireRequest = { method: string; path: string; headers: IncomingHttpHeaders; bodyText: string };

export type FakeBakongOptions = {
  port?: number;
  host?: string;
  /** The bearer token the fake accepts until renewed or changed; default "fake-token". */
  token?: string;
  /** Real Bakong does not keep list order; "reversed" (default) makes any index-based matching fail loudly. */
  listOrder?: "reversed" | "as_sent";
  /**
   * When set, /v1/generate_deeplink_by_qr answers `${deepLinkBase}/<md5 of the qr>` as Bakong's `shortLink`;
   * unset, the fake does not serve that endpoint (404), so pages show no bank-app link.
   */
  deepLinkBase?: string;
};

export type FakeBakong = {
  url: string;
  markPaid(md5: string, transaction: FakePaidTransaction): BakongTransaction;
  /** A payment Bakong knows only by its hash, as a customer's payment to a static QR is. */
  addPayment(transaction: FakePaidTransaction): BakongTransaction;
  markFailed(md5: string): void;
  markStatic(md5: string): void;
  setToken(token: string): void;
  /** null makes renewal for that email fail with errorCode 10. */
  setRenewable(email: string, newToken: string | null): void;
  failNext(path: string, failure: FakeFailure): void;
  /** Holds every answer on that path for `ms`; 0 removes the delay. */
  delay(path: string, ms: number): void;
  setListEndpoint(mode: FakeListMode): void;
  readonly requests: FakeRequest[];
  /** The same calls as `requests`, with method, headers and the body text exactly as sent. */
  readonly wireRequests: FakeWireRequest[];
  reset(): void;
  close(): Promise<void>;
};

const CHECK_MD5 = "/v1/check_transaction_by_md5";
const CHECK_MD5_LIST = "/v1/check_transaction_by_md5_list";
const CHECK_HASH = "/v1/check_transaction_by_hash";
const CHECK_SHORT_HASH = "/v1/check_transaction_by_short_hash";
const RENEW_TOKEN = "/v1/renew_token";
const DEEP_LINK = "/v1/generate_deeplink_by_qr";
const MAX_LIST_SIZE = 50;

type Envelope = { responseCode: 0 | 1; responseMessage: string; errorCode: number | null; data: unknown };
type Payment = { kind: "paid"; data: Record<string, unknown> } | { kind: "failed" } | { kind: "static" };
type Answer = { status: number; body: unknown; headers?: Record<string, string> };

const NOT_FOUND_MESSAGE = "Transaction could not be found. Please check and try again.";

export async function startFakeBakong(options: FakeBakongOptions = {}): Promise<FakeBakong> {
  const initialToken = options.token ?? "fake-token";
  const listOrder = options.listOrder ?? "reversed";
  let token = initialToken;
  let listMode: FakeListMode = "ok";
  const payments = new Map<string, Payment>();
  const hashOnlyPayments: Record<string, unknown>[] = [];
  const renewable = new Map<string, string | null>();
  const failures = new Map<string, Array<FakeFailure & { remaining: number }>>();
  const delays = new Map<string, number>();
  const requests: FakeRequest[] = [];
  const wireRequests: FakeWireRequest[] = [];
  const pendingDelays = new Set<NodeJS.Timeout>();

  function completed(transaction: FakePaidTransaction): BakongTransaction {
    const createdDateMs = transaction.createdDateMs ?? Date.now();
    return {
      hash: randomBytes(32).toString("hex"),
      fromAccountId: "payer@abaa",
      description: "",
      createdDateMs,
      acknowledgedDateMs: createdDateMs + 1_500,
      ...transaction,
    };
  }

  function markPaid(md5: string, transaction: FakePaidTransaction): BakongTransaction {
    const complete = completed(transaction);
    payments.set(md5, { kind: "paid", data: { ...NULL_TRANSACTION_FIELDS, ...complete } });
    return complete;
  }

  function addPayment(transaction: FakePaidTransaction): BakongTransaction {
    const complete = completed(transaction);
    hashOnlyPayments.push({ ...NULL_TRANSACTION_FIELDS, ...complete });
    return complete;
  }

  /** Every paid transfer Bakong knows, whether a dynamic QR's (by md5) or any other (by hash only). */
  function allPaid(): Record<string, unknown>[] {
    const byMd5 = [...payments.values()].flatMap((payment) => (payment.kind === "paid" ? [payment.data] : []));
    return [...byMd5, ...hashOnlyPayments];
  }

  function hashEnvelope(match: (data: Record<string, unknown>) => boolean): Envelope {
    const data = allPaid().find(match);
    return data === undefined ? envelope(1, NOT_FOUND_MESSAGE, 1) : envelope(0, "Getting transaction successfully.", null, data);
  }

  function failNext(path: string, failure: FakeFailure): void {
    const queue = failures.get(path) ?? [];
    queue.push({ ...failure, remaining: failure.times ?? 1 });
    failures.set(path, queue);
  }

  function takeFailure(path: string): FakeFailure | undefined {
    const queue = failures.get(path);
    const failure = queue?.[0];
    if (queue === undefined || failure === undefined) return undefined;
    failure.remaining -= 1;
    if (failure.remaining <= 0) queue.shift();
    return failure;
  }

  function reset(): void {
    token = initialToken;
    listMode = "ok";
    payments.clear();
    hashOnlyPayments.length = 0;
    renewable.clear();
    failures.clear();
    delays.clear();
    requests.length = 0;
    wireRequests.length = 0;
  }

  function checkEnvelope(md5: string): Envelope {
    const payment = payments.get(md5);
    if (payment?.kind === "paid") return envelope(0, "Getting transaction successfully.", null, payment.data);
    if (payment?.kind === "failed") return envelope(1, "Transaction failed.", 3);
    if (payment?.kind === "static") return envelope(1, "Transaction does not support static QR code.", 2);
    return envelope(1, NOT_FOUND_MESSAGE, 1);
  }

  function listItem(md5: string): Record<string, unknown> {
    if (listMode === "service_failed") return { md5, status: "SERVICE_FAILED", message: "Service failed", data: null };
    const payment = payments.get(md5);
    if (payment?.kind === "paid") return { md5, status: "SUCCESS", message: "Success", data: payment.data };
    if (payment?.kind === "failed") return { md5, status: "FAILED", message: "Transaction failed.", data: null };
    if (payment?.kind === "static") return { md5, status: "STATIC_QR", message: "Static QR", data: null };
    return { md5, status: "NOT_FOUND", message: NOT_FOUND_MESSAGE, data: null };
  }

  function answerBakong(path: string, body: unknown, authorization: string | undefined): Answer {
    const failure = takeFailure(path);
    if (failure !== undefined) return failureAnswer(failure);

    if (path === RENEW_TOKEN) {
      const email = field(body, "email");
      const renewed = typeof email === "string" ? renewable.get(email) : undefined;
      if (renewed === undefined || renewed === null) return ok(envelope(1, "Not registered.", 10));
      token = renewed;
      return ok(envelope(0, "Token has been issued", null, { token: renewed }));
    }
    if (authorization !== `Bearer ${token}`) return { status: 401, body: envelope(1, "Unauthorized", 6) };

    if (path === CHECK_MD5) {
      const md5 = field(body, "md5");
      if (typeof md5 !== "string") return missingFields();
      return ok(checkEnvelope(md5));
    }
    if (path === CHECK_HASH) {
      const hash = field(body, "hash");
      if (typeof hash !== "string") return missingFields();
      return ok(hashEnvelope((data) => data.hash === hash));
    }
    if (path === CHECK_SHORT_HASH) {
      const [hash, amount, currency] = [field(body, "hash"), field(body, "amount"), field(body, "currency")];
      if (typeof hash !== "string" || typeof amount !== "number" || typeof currency !== "string") return missingFields();
      return ok(
        hashEnvelope(
          (data) =>
            String(data.hash).startsWith(hash) && data.amount === amount && String(data.currency).toUpperCase() === currency.toUpperCase(),
        ),
      );
    }
    if (path === CHECK_MD5_LIST) {
      if (listMode === "forbidden") return { status: 403, body: "Forbidden" };
      if (listMode === "error") return { status: 500, body: envelope(1, "Internal Server Error", null) };
      if (!Array.isArray(body) || body.length > MAX_LIST_SIZE || !body.every((md5) => typeof md5 === "string")) {
        return missingFields();
      }
      const items = (body as string[]).map(listItem);
      return ok(envelope(0, "Getting transaction successfully.", null, listOrder === "reversed" ? items.reverse() : items));
    }
    if (path === DEEP_LINK && options.deepLinkBase !== undefined) {
      const [qr, source] = [field(body, "qr"), field(body, "sourceInfo")];
      const sourceFields = ["appName", "appIconUrl", "appDeepLinkCallback"].map((name) => field(source, name));
      if (typeof qr !== "string" || !sourceFields.every((value) => typeof value === "string")) return missingFields();
      const shortLink = `${options.deepLinkBase}/${createHash("md5").update(qr).digest("hex")}`;
      return ok(envelope(0, "Getting Deeplink successfully", null, { shortLink }));
    }
    return { status: 404, body: envelope(1, "Not Found", null) };
  }

  function answerControl(method: string, path: string, body: unknown): Answer {
    if (method === "GET" && path === "/_fake/requests") return ok(requests);
    if (method !== "POST") return { status: 405, body: { error: "method not allowed" } };
    const fields = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
    switch (path) {
      case "/_fake/paid": {
        const { md5, ...transaction } = fields;
        if (
          typeof md5 !== "string" ||
          typeof transaction.toAccountId !== "string" ||
          typeof transaction.amount !== "number" ||
          typeof transaction.currency !== "string"
        ) {
          return { status: 400, body: { error: "need md5, toAccountId, amount (number), currency" } };
        }
        return ok({ ok: true, transaction: markPaid(md5, transaction as FakePaidTransaction) });
      }
      case "/_fake/payment": {
        if (typeof fields.toAccountId !== "string" || typeof fields.amount !== "number" || typeof fields.currency !== "string") {
          return { status: 400, body: { error: "need toAccountId, amount (number), currency" } };
        }
        return ok({ ok: true, transaction: addPayment(fields as FakePaidTransaction) });
      }
      case "/_fake/failed":
        if (typeof fields.md5 !== "string") return { status: 400, body: { error: "need md5" } };
        payments.set(fields.md5, { kind: "failed" });
        return ok({ ok: true });
      case "/_fake/fail-next":
        if (typeof fields.path !== "string" || typeof fields.status !== "number") {
          return { status: 400, body: { error: "need path and status (number)" } };
        }
        failNext(fields.path, fields as FakeFailure & { path: string });
        return ok({ ok: true });
      case "/_fake/delay":
        if (typeof fields.path !== "string" || typeof fields.ms !== "number") return { status: 400, body: { error: "need path and ms" } };
        delays.set(fields.path, fields.ms);
        return ok({ ok: true });
      case "/_fake/reset":
        reset();
        return ok({ ok: true });
      default:
        return { status: 404, body: { error: `unknown control route ${path}` } };
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? "/", "http://fake").pathname;
    const bodyText = await readBody(request);
    const body = parseJsonOrText(bodyText);

    if (path.startsWith("/_fake/")) return send(response, answerControl(request.method ?? "GET", path, body));

    const authorization = request.headers.authorization;
    requests.push(authorization === undefined ? { path, body } : { path, body, authorization });
    wireRequests.push({ method: request.method ?? "GET", path, headers: request.headers, bodyText });
    const delayMs = delays.get(path) ?? 0;
    if (delayMs > 0) await sleep(delayMs, pendingDelays);
    if (request.method !== "POST") return send(response, { status: 405, body: envelope(1, "Method Not Allowed", null) });
    send(response, answerBakong(path, body, authorization));
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      send(response, { status: 500, body: envelope(1, `fake crashed: ${String(error)}`, null) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const address = server.address() as AddressInfo;

  return {
    url: `http://${address.address}:${address.port}`,
    markPaid,
    addPayment,
    markFailed: (md5) => void payments.set(md5, { kind: "failed" }),
    markStatic: (md5) => void payments.set(md5, { kind: "static" }),
    setToken: (newToken) => void (token = newToken),
    setRenewable: (email, newToken) => void renewable.set(email, newToken),
    failNext,
    delay: (path, ms) => void (ms > 0 ? delays.set(path, ms) : delays.delete(path)),
    setListEndpoint: (mode) => void (listMode = mode),
    requests,
    wireRequests,
    reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of pendingDelays) clearTimeout(timer);
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Real Bakong sends every field, null when unknown. */
const NULL_TRANSACTION_FIELDS = {
  fromAccountId: null,
  toAccountId: null,
  currency: null,
  amount: null,
  description: null,
  createdDateMs: null,
  acknowledgedDateMs: null,
  externalRef: null,
  instructionRef: null,
  trackingStatus: null,
  receiverBank: null,
  receiverBankAccount: null,
};

function envelope(responseCode: 0 | 1, responseMessage: string, errorCode: number | null, data: unknown = null): Envelope {
  return { responseCode, responseMessage, errorCode, data };
}

function ok(body: unknown): Answer {
  return { status: 200, body };
}

function missingFields(): Answer {
  return { status: 400, body: envelope(1, "Missing required fields", 5) };
}

function failureAnswer(failure: FakeFailure): Answer {
  const headers: Record<string, string> = failure.retryAfter === undefined ? {} : { "retry-after": String(failure.retryAfter) };
  const body = failure.body ?? envelope(1, http.STATUS_CODES[failure.status] ?? "Error", null);
  return { status: failure.status, body, headers };
}

function field(body: unknown, name: string): unknown {
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

function send(response: ServerResponse, answer: Answer): void {
  // The client may have given up (timeout) while a delayed answer was pending.
  if (response.destroyed || response.headersSent) return;
  const isText = typeof answer.body === "string";
  const payload = isText ? (answer.body as string) : bakongJson(answer.body);
  response.writeHead(answer.status, {
    "content-type": isText ? "text/plain" : "application/json",
    ...answer.headers,
  });
  response.end(payload);
}

/** Bakong serialises epoch milliseconds as doubles: 1605774370608.0. */
function bakongJson(body: unknown): string {
  return JSON.stringify(body).replace(/"(createdDateMs|acknowledgedDateMs)":(-?\d+)(?=[,}])/g, '"$1":$2.0');
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseJsonOrText(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function sleep(ms: number, pending: Set<NodeJS.Timeout>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      pending.delete(timer);
      resolve();
    }, ms);
    pending.add(timer);
  });
}
