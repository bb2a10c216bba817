import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLiveBakongClient, parseRetryAfter, type BakongUnavailableError, type LiveBakongOptions } from "@/lib/bakong";
import { startFakeBakong, type FakeBakong } from "@/tests/fakes/fake-bakong-server";
import { expectUnavailable, md5Of, urlWithNothingListening } from "./helpers";

const CHECK = "/v1/check_transaction_by_md5";
const ABROAD_HINT = " (Bakong refuses callers outside Cambodia: BAKONG_API_URL may need to point at a Cambodian relay)";
let fake: FakeBakong;

beforeAll(async () => {
  fake = await startFakeBakong({ token: "good-token" });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const client = (options: Partial<LiveBakongOptions> = {}) =>
  createLiveBakongClient({ baseUrl: fake.url, token: "good-token", timeoutMs: 2_000, ...options });

/** The parts of an outage the rest of the product reads: the reason, the message an operator sees, the status and the wait. */
function described(error: BakongUnavailableError) {
  return { reason: error.reason, message: error.message, httpStatus: error.httpStatus, retryAfterSeconds: error.retryAfterSeconds };
}

describe("Bakong HTTP: what goes on the wire", () => {
  it("POSTs the body as JSON, declared JSON both ways, with the bearer token", async () => {
    await client().checkTransactionByMd5(md5Of("a"));

    expect(fake.wireRequests).toHaveLength(1);
    const [sent] = fake.wireRequests;
    expect(sent?.method).toBe("POST");
    expect(sent?.path).toBe(CHECK);
    expect(sent?.bodyText).toBe(`{"md5":"${md5Of("a")}"}`);
    expect(sent?.headers).toMatchObject({
      "content-type": "application/json",
      accept: "application/json",
      authorization: "Bearer good-token",
    });
  });

  it("joins the path to a base URL however many trailing slashes the operator typed", async () => {
    await client({ baseUrl: `${fake.url}///` }).checkTransactionByMd5(md5Of("a"));
    expect(fake.requests).toEqual([{ path: CHECK, body: { md5: md5Of("a") }, authorization: "Bearer good-token" }]);
  });
});

describe("Bakong HTTP: transport failures are outages with a message an operator can act on", () => {
  it("gives up after timeoutMs with a timeout naming the URL and the limit, keeping the abort as cause", async () => {
    fake.delay(CHECK, 1_000);
    const error = await expectUnavailable(client({ timeoutMs: 100 }).checkTransactionByMd5(md5Of("a")), "timeout");
    expect(described(error)).toEqual({
      reason: "timeout",
      message: `Bakong did not answer ${fake.url}${CHECK} within 100 ms`,
      httpStatus: undefined,
      retryAfterSeconds: undefined,
    });
    expect(error.cause).toBeInstanceOf(DOMException);
    expect((error.cause as DOMException).name).toBe("TimeoutError");
  });

  it("names the socket error code when nothing listens, keeping fetch's error as cause", async () => {
    const url = await urlWithNothingListening();
    const error = await expectUnavailable(client({ baseUrl: url }).checkTransactionByMd5(md5Of("a")), "network");
    expect(error.message).toBe(`Could not reach Bakong at ${url}${CHECK}: fetch failed (ECONNREFUSED)`);
    expect(error.cause).toBeInstanceOf(TypeError);
    expect((error.cause as TypeError).message).toBe("fetch failed");
  });

  it("names the underlying failure when it has no code, e.g. a BAKONG_API_URL typed without http://", async () => {
    const port = new URL(fake.url).port;
    const error = await expectUnavailable(client({ baseUrl: `localhost:${port}` }).checkTransactionByMd5(md5Of("a")), "network");
    expect(error.message).toBe(`Could not reach Bakong at localhost:${port}${CHECK}: fetch failed (unknown scheme)`);
    expect(fake.requests).toEqual([]);
  });

  it("reports the message of a fetchImpl error that carries no cause", async () => {
    const proxyError = new Error("proxy refused CONNECT");
    const viaProxy = client({ fetchImpl: () => Promise.reject(proxyError) });
    const error = await expectUnavailable(viaProxy.checkTransactionByMd5(md5Of("a")), "network");
    expect(error.message).toBe(`Could not reach Bakong at ${fake.url}${CHECK}: proxy refused CONNECT`);
    expect(error.cause).toBe(proxyError);
  });

  it("reports a fetchImpl that rejects with something other than an Error as a network outage, with its text", async () => {
    const viaProxy = client({ fetchImpl: () => Promise.reject("socket hang up") });
    const error = await expectUnavailable(viaProxy.checkTransactionByMd5(md5Of("a")), "network");
    expect(error.message).toBe(`Could not reach Bakong at ${fake.url}${CHECK}: socket hang up`);
    expect(error.cause).toBe("socket hang up");
  });
});

describe("Bakong HTTP: statuses other than 2xx", () => {
  it.each([
    [403, ABROAD_HINT],
    [429, " (rate limited)"],
    [504, " (Bakong busy)"],
    [500, ""],
    [502, ""],
    [400, ""],
  ])("reports HTTP %i as http_error with the status and its hint in the message", async (status, hint) => {
    fake.failNext(CHECK, { status });
    const error = await expectUnavailable(client().checkTransactionByMd5(md5Of("a")), "http_error");
    expect(described(error)).toEqual({
      reason: "http_error",
      message: `Bakong answered ${fake.url}${CHECK} with HTTP ${status}${hint}`,
      httpStatus: status,
      retryAfterSeconds: undefined,
    });
  });

  it("carries a Retry-After of delta-seconds, so callers back off as long as Bakong asks", async () => {
    fake.failNext(CHECK, { status: 429, retryAfter: "45" });
    const error = await expectUnavailable(client().checkTransactionByMd5(md5Of("a")), "http_error");
    expect(described(error)).toEqual({
      reason: "http_error",
      message: `Bakong answered ${fake.url}${CHECK} with HTTP 429 (rate limited)`,
      httpStatus: 429,
      retryAfterSeconds: 45,
    });
  });

  it("ignores a Retry-After it cannot read rather than guessing a wait", async () => {
    fake.failNext(CHECK, { status: 503, retryAfter: "soon" });
    const error = await expectUnavailable(client().checkTransactionByMd5(md5Of("a")), "http_error");
    expect(error.httpStatus).toBe(503);
    expect(error.retryAfterSeconds).toBeUndefined();
  });
});

describe("parseRetryAfter", () => {
  const now = Date.UTC(2015, 9, 21, 7, 27, 0, 500);

  it("reads delta-seconds, ignoring surrounding whitespace", () => {
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter(" 120 ", now)).toBe(120);
    expect(parseRetryAfter("\t30", now)).toBe(30);
  });

  it("reads an HTTP date as the whole seconds left until it, and 0 once it has passed", () => {
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now)).toBe(60);
    expect(parseRetryAfter(" Wed, 21 Oct 2015 07:28:00 GMT ", now)).toBe(60);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now)).toBe(0);
  });

  it("gives undefined for no header or one that is neither a number of seconds nor a date", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("30 seconds", now)).toBeUndefined();
    expect(parseRetryAfter("in 30", now)).toBeUndefined();
  });
});
