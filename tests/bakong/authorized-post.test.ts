import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLiveBakongClient } from "@/lib/bakong";
import { startFakeBakong, type FakeBakong } from "@/tests/fakes/fake-bakong-server";
import { expectUnavailable, md5Of } from "./helpers";

const CHECK = "/v1/check_transaction_by_md5";
const RENEW = "/v1/renew_token";
const UNAUTHORIZED = { responseCode: 1, responseMessage: "Unauthorized", errorCode: 6, data: null };
let fake: FakeBakong;

beforeAll(async () => {
  fake = await startFakeBakong({ token: "current-token" });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const client = (token = "current-token") => createLiveBakongClient({ baseUrl: fake.url, token, email: "ops@example.com" });

describe("authorized post: the answer's HTTP status", () => {
  it("never reads a 3xx answer as paid: HTTP 300 with a paid envelope is an http_error naming the status", async () => {
    const md5 = md5Of("redirected");
    const paid = { hash: "a".repeat(64), toAccountId: "shop@aclb", amount: 1, currency: "USD" };
    fake.failNext(CHECK, {
      status: 300,
      body: { responseCode: 0, responseMessage: "Getting transaction successfully.", errorCode: null, data: paid },
    });

    const error = await expectUnavailable(client().checkTransactionByMd5(md5), "http_error");

    expect(error.message).toBe(`Bakong answered ${fake.url}${CHECK} with HTTP 300`);
    expect(error.httpStatus).toBe(300);
  });

  it("never reads a 1xx answer as an answer: a final HTTP 199 with a not-found envelope is an http_error", async () => {
    // No HTTP stack hands a final 1xx to fetch, so this relay misbehaviour is played by the transport itself.
    const notFound = { responseCode: 1, responseMessage: "Transaction could not be found.", errorCode: 1, data: null };
    const fetchImpl = (async () => ({
      status: 199,
      headers: new Headers(),
      text: async () => JSON.stringify(notFound),
    })) as unknown as typeof fetch;
    const odd = createLiveBakongClient({ baseUrl: fake.url, token: "current-token", fetchImpl });

    const error = await expectUnavailable(odd.checkTransactionByMd5(md5Of("a")), "http_error");

    expect(error.message).toBe(`Bakong answered ${fake.url}${CHECK} with HTTP 199`);
    expect(error.httpStatus).toBe(199);
  });

  it("takes HTTP 299 as a 2xx answer", async () => {
    fake.failNext(CHECK, {
      status: 299,
      body: { responseCode: 1, responseMessage: "Transaction could not be found.", errorCode: 1, data: null },
    });
    expect((await client().checkTransactionByMd5(md5Of("a"))).status).toBe("not_found");
  });
});

describe("authorized post: a rejected token", () => {
  it("renews and retries when a relay turned Bakong's 401 into HTTP 200 with errorCode 6", async () => {
    fake.setRenewable("ops@example.com", "fresh-token");
    fake.failNext(CHECK, { status: 200, body: UNAUTHORIZED });

    const result = await client("expired-token").checkTransactionByMd5(md5Of("a"));

    expect(result.status).toBe("not_found");
    expect(fake.requests.map((request) => [request.path, request.authorization])).toEqual([
      [CHECK, "Bearer expired-token"],
      [RENEW, undefined],
      [CHECK, "Bearer fresh-token"],
    ]);
  });

  it("gives up with auth_failed and HTTP 401, naming the URL, when the renewed token is rejected too", async () => {
    fake.setRenewable("ops@example.com", "fresh-token");
    fake.failNext(CHECK, { status: 401, times: 2, body: UNAUTHORIZED });

    const error = await expectUnavailable(client("expired-token").checkTransactionByMd5(md5Of("a")), "auth_failed");

    expect(error.message).toBe(`Bakong rejected the renewed token at ${fake.url}${CHECK}`);
    expect(error.httpStatus).toBe(401);
  });
});
