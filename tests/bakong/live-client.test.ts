import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLiveBakongClient } from "@/lib/bakong";
import { startFakeBakong, type FakeBakong } from "@/tests/fakes/fake-bakong-server";
import { expectUnavailable, md5Of } from "./helpers";

const CHECK = "/v1/check_transaction_by_md5";
let fake: FakeBakong;

beforeAll(async () => {
  fake = await startFakeBakong({ token: "good-token" });
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

  it("refuses every call without a token, making no HTTP request", async () => {
    const unconfigured = createLiveBakongClient({ baseUrl: fake.url });
    const error = await expectUnavailable(unconfigured.checkTransactionByMd5(md5Of("a")), "not_configured");
    expect(error.message).toContain("BAKONG_TOKEN");
    await expectUnavailable(unconfigured.checkMd5List([md5Of("a")]), "not_configured");
    await expectUnavailable(unconfigured.checkTransactionByHash("a".repeat(64)), "not_configured");
    await expectUnavailable(unconfigured.checkTransactionByShortHash("aaaaaaaa", 1, "USD"), "not_configured");
    expect(fake.requests).toEqual([]);
    expect(unconfigured.kind).toBe("live");
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

async function urlWithNothingListening(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${address.port}`;
}

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
