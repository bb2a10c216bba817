import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLiveBakongClient } from "@/lib/bakong";
import { encodeKhqr } from "@/lib/khqr";
import { startFakeBakong, type FakeBakong } from "@/tests/fakes/fake-bakong-server";
import { expectUnavailable, md5Of, urlWithNothingListening } from "./helpers";

const CHECK = "/v1/check_transaction_by_md5";
const DEEP_LINK = "/v1/generate_deeplink_by_qr";
const DEEP_LINK_BASE = "https://bakong.page.link";
const SOURCE = {
  appName: "KHQR Pay",
  appIconUrl: "https://pay.example.com/icon.svg",
  appDeepLinkCallback: "https://pay.example.com/pay/abc",
};
let fake: FakeBakong;

beforeAll(async () => {
  fake = await startFakeBakong({ token: "good-token", deepLinkBase: DEEP_LINK_BASE });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const client = (timeoutMs = 2_000) => createLiveBakongClient({ baseUrl: fake.url, token: "good-token", timeoutMs });

describe("live client: check_transaction_by_md5", () => {
  it("reports a paid transaction with the dates Bakong sends as floats turned into integers", async () => {
    const md5 = md5Of("paid");
    const sent = fake.markPaid(md5, {
      toAccountId: "shop@aclb",
      amount: 12.5,
      currency: "USD",
      createdDateMs: 1605774370608.7,
      acknowledgedDateMs: 1605774371000,
    });

    const result = await client().checkTransactionByMd5(md5);

    expect(result.status).toBe("found");
    if (result.status !== "found") return;
    expect(result.transaction).toEqual({
      hash: sent.hash,
      fromAccountId: "payer@abaa",
      toAccountId: "shop@aclb",
      currency: "USD",
      amount: 12.5,
      description: "",
      createdDateMs: 1605774370608,
      acknowledgedDateMs: 1605774371000,
    });
    expect(result.raw).toMatchObject({ responseCode: 0, errorCode: null, data: { hash: sent.hash, externalRef: null } });
  });

  it("sends the md5 as JSON with the bearer token", async () => {
    await client().checkTransactionByMd5(md5Of("x"));
    expect(fake.requests).toEqual([{ path: CHECK, body: { md5: md5Of("x") }, authorization: "Bearer good-token" }]);
  });

  it("reports not_found for an unpaid or unknown md5, keeping the raw envelope", async () => {
    const result = await client().checkTransactionByMd5(md5Of("unpaid"));
    expect(result).toEqual({
      status: "not_found",
      raw: {
        responseCode: 1,
        responseMessage: "Transaction could not be found. Please check and try again.",
        errorCode: 1,
        data: null,
      },
    });
  });

  it("reports not_found for a static QR (errorCode 2)", async () => {
    fake.markStatic(md5Of("static"));
    const result = await client().checkTransactionByMd5(md5Of("static"));
    expect(result.status).toBe("not_found");
    expect(result.raw).toMatchObject({ errorCode: 2 });
  });

  it("reports failed when Bakong says the transfer failed (errorCode 3)", async () => {
    fake.markFailed(md5Of("failed"));
    const result = await client().checkTransactionByMd5(md5Of("failed"));
    expect(result.status).toBe("failed");
    expect(result.raw).toMatchObject({ responseCode: 1, errorCode: 3 });
  });

  it("treats any other errorCode as unavailable, never as not_found", async () => {
    fake.failNext(CHECK, { status: 200, body: { responseCode: 1, responseMessage: "Cannot connect", errorCode: 9, data: null } });
    const error = await expectUnavailable(client().checkTransactionByMd5(md5Of("a")), "http_error");
    expect(error.message).toContain("errorCode 9");
  });

  it("treats an error envelope without errorCode as a bad response", async () => {
    fake.failNext(CHECK, { status: 200, body: { responseCode: 1, responseMessage: "?", errorCode: null, data: null } });
    await expectUnavailable(client().checkTransactionByMd5(md5Of("a")), "bad_response");
  });

  it("treats success without a transaction hash as a bad response", async () => {
    fake.failNext(CHECK, { status: 200, body: { responseCode: 0, responseMessage: "ok", errorCode: null, data: { amount: 1 } } });
    await expectUnavailable(client().checkTransactionByMd5(md5Of("a")), "bad_response");
  });

  it("treats a body that is not JSON as a bad response", async () => {
    fake.failNext(CHECK, { status: 200, body: "<html>gateway</html>" });
    await expectUnavailable(client().checkTransactionByMd5(md5Of("a")), "bad_response");
  });

  it("treats JSON that is not an envelope as a bad response", async () => {
    fake.failNext(CHECK, { status: 200, body: [1, 2, 3] });
    await expectUnavailable(client().checkTransactionByMd5(md5Of("a")), "bad_response");
  });

  it.each([500, 504, 400, 404])("reports HTTP %i as http_error with the status", async (status) => {
    fake.failNext(CHECK, { status });
    const error = await expectUnavailable(client().checkTransactionByMd5(md5Of("a")), "http_error");
    expect(error.httpStatus).toBe(status);
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it("reports HTTP 403 with a hint about Bakong refusing callers abroad", async () => {
    fake.failNext(CHECK, { status: 403, body: "Forbidden" });
    const error = await expectUnavailable(client().checkTransactionByMd5(md5Of("a")), "http_error");
    expect(error.httpStatus).toBe(403);
    expect(error.message).toContain("BAKONG_API_URL");
  });

  it("carries Retry-After seconds from a 429", async () => {
    fake.failNext(CHECK, { status: 429, retryAfter: 30 });
    const error = await expectUnavailable(client().checkTransactionByMd5(md5Of("a")), "http_error");
    expect(error.httpStatus).toBe(429);
    expect(error.retryAfterSeconds).toBe(30);
  });

  it("carries Retry-After given as an HTTP date", async () => {
    fake.failNext(CHECK, { status: 503, retryAfter: new Date(Date.now() + 120_000).toUTCString() });
    const error = await expectUnavailable(client().checkTransactionByMd5(md5Of("a")), "http_error");
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(118);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(120);
  });

  it("times out when Bakong is slower than timeoutMs", async () => {
    fake.delay(CHECK, 1_000);
    const started = Date.now();
    await expectUnavailable(client(100).checkTransactionByMd5(md5Of("a")), "timeout");
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("reports network when nothing listens", async () => {
    const url = await urlWithNothingListening();
    const unreachable = createLiveBakongClient({ baseUrl: url, token: "good-token", timeoutMs: 2_000 });
    const error = await expectUnavailable(unreachable.checkTransactionByMd5(md5Of("a")), "network");
    expect(error.message).toContain("ECONNREFUSED");
  });

  it.each([
    ["no token", undefined],
    ["an empty token", ""],
    ["a token of only whitespace", " \n"],
  ])("refuses every status check with %s, making no HTTP request", async (_, token) => {
    const unconfigured = createLiveBakongClient({ baseUrl: fake.url, token, email: "ops@example.com" });
    const error = await expectUnavailable(unconfigured.checkTransactionByMd5(md5Of("a")), "not_configured");
    expect(error.message).toBe("Bakong is not configured: the operator has not set BAKONG_TOKEN, so payment status cannot be checked");
    await expectUnavailable(unconfigured.checkMd5List([md5Of("a")]), "not_configured");
    await expectUnavailable(unconfigured.checkTransactionByHash("a".repeat(64)), "not_configured");
    await expectUnavailable(unconfigured.checkTransactionByShortHash("aaaaaaaa", 1, "USD"), "not_configured");
    await expect(unconfigured.deepLinkForQr("000201", SOURCE)).resolves.toBeNull();
    expect(unconfigured.tokenExpiresAt()).toBeNull();
    expect(unconfigured.kind).toBe("live");
    expect(fake.requests).toEqual([]);
  });

  it("trims the token and email an operator pasted with spaces or a newline", async () => {
    fake.setToken("rotated");
    fake.setRenewable("ops@example.com", "rotated");
    const pasted = createLiveBakongClient({ baseUrl: fake.url, token: "  good-token\n", email: " ops@example.com\n" });

    expect(pasted.kind).toBe("live");
    expect((await pasted.checkTransactionByMd5(md5Of("a"))).status).toBe("not_found");
    expect(fake.requests).toEqual([
      { path: CHECK, body: { md5: md5Of("a") }, authorization: "Bearer good-token" },
      { path: "/v1/renew_token", body: { email: "ops@example.com" } },
      { path: CHECK, body: { md5: md5Of("a") }, authorization: "Bearer rotated" },
    ]);
  });

  it("accepts a base URL with a trailing slash", async () => {
    const slashed = createLiveBakongClient({ baseUrl: `${fake.url}/`, token: "good-token" });
    await slashed.checkTransactionByMd5(md5Of("a"));
    expect(fake.requests[0]?.path).toBe(CHECK);
  });

  it("never puts the token in logs or error messages", async () => {
    const events: unknown[] = [];
    const logged = createLiveBakongClient({
      baseUrl: fake.url,
      token: "secret-token-value",
      email: "ops@example.com",
      log: (event, fields) => events.push({ event, fields }),
    });
    fake.setRenewable("ops@example.com", null);
    const error = await expectUnavailable(logged.checkTransactionByMd5(md5Of("a")), "auth_failed");
    expect(JSON.stringify(events)).not.toContain("secret-token-value");
    expect(error.message).not.toContain("secret-token-value");
  });
});

describe("live client: generate_deeplink_by_qr", () => {
  const { qr } = encodeKhqr({
    type: "individual",
    bakongAccountId: "shop@aclb",
    merchantName: "Shop",
    currency: "USD",
    amount: "1.50",
    createdAtMs: 1_700_000_000_000,
    expiresAtMs: 1_700_000_900_000,
  });

  it("asks Bakong with the QR and the app to return to, and hands back its short link", async () => {
    const link = await client().deepLinkForQr(qr, SOURCE);

    expect(link).toBe(`${DEEP_LINK_BASE}/${md5Of(qr)}`);
    expect(fake.requests).toEqual([{ path: DEEP_LINK, body: { qr, sourceInfo: SOURCE }, authorization: "Bearer good-token" }]);
  });

  it.each([
    ["a deeplink provider error (errorCode 4)", { responseCode: 1, responseMessage: "Deeplink provider error", errorCode: 4, data: null }],
    [
      "an error that still carries a stale link",
      { responseCode: 1, responseMessage: "Error", errorCode: 4, data: { shortLink: "https://stale" } },
    ],
    ["success without data", { responseCode: 0, responseMessage: "ok", errorCode: null, data: null }],
    ["success without a shortLink", { responseCode: 0, responseMessage: "ok", errorCode: null, data: {} }],
    ["a shortLink that is not a string", { responseCode: 0, responseMessage: "ok", errorCode: null, data: { shortLink: 42 } }],
  ])("offers no link (null) for %s: the QR still works without one", async (_, body) => {
    fake.failNext(DEEP_LINK, { status: 200, body });
    expect(await client().deepLinkForQr(qr, SOURCE)).toBeNull();
  });

  it("reports an HTTP failure as an outage, for the payment page to fall back to the QR alone", async () => {
    fake.failNext(DEEP_LINK, { status: 504 });
    const error = await expectUnavailable(client().deepLinkForQr(qr, SOURCE), "http_error");
    expect(error.httpStatus).toBe(504);
  });
});

describe("live client: check_transaction_by_hash and by_short_hash", () => {
  it("finds a payment Bakong knows only by its hash, by the full hash and by the short hash with amount and currency", async () => {
    const sent = fake.addPayment({ toAccountId: "stall@aclb", amount: 7.5, currency: "USD" });

    const byHash = await client().checkTransactionByHash(sent.hash);
    const byShort = await client().checkTransactionByShortHash(sent.hash.slice(0, 8), 7.5, "USD");

    expect(byHash).toMatchObject({ status: "found", transaction: { hash: sent.hash, toAccountId: "stall@aclb", amount: 7.5 } });
    expect(byShort).toMatchObject({ status: "found", transaction: { hash: sent.hash } });
    expect(fake.requests.map(({ path, body }) => ({ path, body }))).toEqual([
      { path: "/v1/check_transaction_by_hash", body: { hash: sent.hash } },
      { path: "/v1/check_transaction_by_short_hash", body: { hash: sent.hash.slice(0, 8), amount: 7.5, currency: "USD" } },
    ]);
  });

  it("a short hash with another amount or currency is not found; a Bakong error is unavailable, never not found", async () => {
    const sent = fake.addPayment({ toAccountId: "stall@aclb", amount: 7.5, currency: "USD" });
    expect((await client().checkTransactionByShortHash(sent.hash.slice(0, 8), 7, "USD")).status).toBe("not_found");
    expect((await client().checkTransactionByShortHash(sent.hash.slice(0, 8), 7.5, "KHR")).status).toBe("not_found");
    fake.failNext("/v1/check_transaction_by_short_hash", { status: 504 });
    await expectUnavailable(client().checkTransactionByShortHash(sent.hash.slice(0, 8), 7.5, "USD"), "http_error");
  });
});
