import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLiveBakongClient, type LiveBakongOptions } from "@/lib/bakong";
import { startFakeBakong, type FakeBakong } from "@/tests/fakes/fake-bakong-server";
import { expectUnavailable, md5Of } from "./helpers";

const CHECK = "/v1/check_transaction_by_md5";
const RENEW = "/v1/renew_token";
let fake: FakeBakong;

beforeAll(async () => {
  fake = await startFakeBakong({ token: "current-token" });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function clientWith(options: Partial<LiveBakongOptions> = {}) {
  return createLiveBakongClient({ baseUrl: fake.url, token: "expired-token", email: "ops@example.com", ...options });
}

describe("live client: expired token", () => {
  it("renews once with the email and no bearer, retries, and keeps the new token for later calls", async () => {
    fake.setRenewable("ops@example.com", "fresh-token");
    const events: string[] = [];
    const client = clientWith({ log: (event) => events.push(event) });

    const first = await client.checkTransactionByMd5(md5Of("a"));
    const second = await client.checkTransactionByMd5(md5Of("b"));

    expect(first.status).toBe("not_found");
    expect(second.status).toBe("not_found");
    expect(fake.requests).toEqual([
      { path: CHECK, body: { md5: md5Of("a") }, authorization: "Bearer expired-token" },
      { path: RENEW, body: { email: "ops@example.com" } },
      { path: CHECK, body: { md5: md5Of("a") }, authorization: "Bearer fresh-token" },
      { path: CHECK, body: { md5: md5Of("b") }, authorization: "Bearer fresh-token" },
    ]);
    expect(events).toEqual(["bakong.token_renewed"]);
  });

  it("fails with auth_failed when renewal is refused (errorCode 10)", async () => {
    fake.setRenewable("ops@example.com", null);
    const error = await expectUnavailable(clientWith().checkTransactionByMd5(md5Of("a")), "auth_failed");
    expect(error.message).toContain("BAKONG_TOKEN");
    expect(fake.requests.map((request) => request.path)).toEqual([CHECK, RENEW]);
  });

  it("fails with auth_failed when the renewal endpoint errors", async () => {
    fake.failNext(RENEW, { status: 500 });
    await expectUnavailable(clientWith().checkTransactionByMd5(md5Of("a")), "auth_failed");
  });

  it("fails with auth_failed, without trying to renew, when no email is configured", async () => {
    const error = await expectUnavailable(clientWith({ email: undefined }).checkTransactionByMd5(md5Of("a")), "auth_failed");
    expect(error.message).toContain("BAKONG_EMAIL");
    expect(fake.requests.map((request) => request.path)).toEqual([CHECK]);
  });

  it("fails with auth_failed when the renewed token is rejected too, retrying only once", async () => {
    fake.setRenewable("ops@example.com", "fresh-token");
    fake.failNext(CHECK, { status: 401, times: 2, body: { responseCode: 1, responseMessage: "Unauthorized", errorCode: 6, data: null } });
    await expectUnavailable(clientWith().checkTransactionByMd5(md5Of("a")), "auth_failed");
    expect(fake.requests.map((request) => request.path)).toEqual([CHECK, RENEW, CHECK]);
  });

  it("shares one renewal between concurrent callers", async () => {
    fake.setRenewable("ops@example.com", "fresh-token");
    fake.delay(RENEW, 100);
    const client = clientWith();
    const md5s = ["a", "b", "c", "d", "e"].map(md5Of);

    const results = await Promise.all(md5s.map((md5) => client.checkTransactionByMd5(md5)));

    expect(results.every((result) => result.status === "not_found")).toBe(true);
    expect(fake.requests.filter((request) => request.path === RENEW)).toHaveLength(1);
    const retries = fake.requests.filter((request) => request.authorization === "Bearer fresh-token");
    expect(retries.map((request) => request.body)).toEqual(expect.arrayContaining(md5s.map((md5) => ({ md5 }))));
  });

  it("does not renew again for a 401 that arrives after another caller already renewed", async () => {
    fake.setRenewable("ops@example.com", "fresh-token");
    // The second caller's request is still on the wire (with the old token) when the first renewal completes.
    fake.delay(CHECK, 150);
    const client = clientWith();
    const slow = client.checkTransactionByMd5(md5Of("slow"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    fake.delay(CHECK, 0);
    await client.checkTransactionByMd5(md5Of("fast"));
    await slow;
    expect(fake.requests.filter((request) => request.path === RENEW)).toHaveLength(1);
  });

  it("keeps working after the renewed token is later revoked by renewing again", async () => {
    fake.setRenewable("ops@example.com", "fresh-token");
    const client = clientWith();
    await client.checkTransactionByMd5(md5Of("a"));
    fake.setToken("rotated-elsewhere");
    fake.setRenewable("ops@example.com", "second-token");
    await client.checkTransactionByMd5(md5Of("b"));
    expect(fake.requests.filter((request) => request.path === RENEW)).toHaveLength(2);
    expect(fake.requests.at(-1)?.authorization).toBe("Bearer second-token");
  });

  it("renews ahead of expiry (within 7 days) without waiting for a 401, and warns from 14 days", async () => {
    const jwt = (days: number) =>
      ["e30", Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + days * 86_400 })).toString("base64url"), "x"].join(".");
    const expiring = jwt(5);
    const renewed = jwt(90);
    fake.setToken(expiring);
    fake.setRenewable("ops@example.com", renewed);
    const events: string[] = [];
    const client = clientWith({ token: expiring, log: (event) => events.push(event) });
    expect(Math.round((client.tokenExpiresAt()!.getTime() - Date.now()) / 86_400_000)).toBe(5);

    await client.checkTransactionByMd5(md5Of("a"));

    expect(fake.requests.map((request) => [request.path, request.authorization])).toEqual([
      [RENEW, undefined],
      [CHECK, `Bearer ${renewed}`],
    ]);
    expect(events).toEqual(["bakong.token_expiring", "bakong.token_renewed"]);
    expect(Math.round((client.tokenExpiresAt()!.getTime() - Date.now()) / 86_400_000)).toBe(90);
  });

  it("keeps calling with a token still valid when early renewal fails, and does not retry renewal on every call", async () => {
    const jwt = ["e30", Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3 * 86_400 })).toString("base64url"), "x"].join(
      ".",
    );
    fake.setToken(jwt);
    fake.setRenewable("ops@example.com", null);
    const client = clientWith({ token: jwt });

    expect((await client.checkTransactionByMd5(md5Of("a"))).status).toBe("not_found");
    expect((await client.checkTransactionByMd5(md5Of("b"))).status).toBe("not_found");

    expect(fake.requests.map((request) => request.path)).toEqual([RENEW, CHECK, CHECK]);
  });
});

describe("live client: a renewal answer that gives no usable token", () => {
  const issued = (data: unknown) => ({ responseCode: 0, responseMessage: "Token has been issued", errorCode: null, data });

  /** The check is refused (401), so the client renews; returns the error and what it logged. */
  async function failedRenewal(options: Partial<LiveBakongOptions> = {}) {
    const logged: Array<[string, Record<string, unknown>]> = [];
    const client = clientWith({ log: (event, fields) => logged.push([event, fields]), ...options });
    const error = await expectUnavailable(client.checkTransactionByMd5(md5Of("a")), "auth_failed");
    return { error, logged };
  }

  const renewalFailure = (detail: string) =>
    `Bakong rejected the token and renewing it through /v1/renew_token failed (${detail}); set a fresh BAKONG_TOKEN`;

  it("fails with auth_failed naming the status when renew_token answers HTTP 300, even with a token in the body", async () => {
    fake.failNext(RENEW, { status: 300, body: issued({ token: "fresh-token" }) });

    const { error, logged } = await failedRenewal();

    expect(error.message).toBe(renewalFailure("HTTP 300"));
    expect((error.cause as Error).message).toBe("HTTP 300");
    expect(logged).toEqual([["bakong.token_renewal_failed", { detail: "HTTP 300" }]]);
    expect(fake.requests.map((request) => request.path)).toEqual([CHECK, RENEW]);
  });

  it("fails with auth_failed naming the status when renew_token answers HTTP 199, even with a token in the body", async () => {
    // No HTTP stack hands a final 1xx to fetch, so this relay misbehaviour is played by the transport itself.
    const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
      if (String(input).endsWith(RENEW)) {
        return { status: 199, headers: new Headers(), text: async () => JSON.stringify(issued({ token: "fresh-token" })) };
      }
      return fetch(input, init);
    }) as typeof fetch;

    const { error, logged } = await failedRenewal({ fetchImpl });

    expect(error.message).toBe(renewalFailure("HTTP 199"));
    expect(logged).toEqual([["bakong.token_renewal_failed", { detail: "HTTP 199" }]]);
  });

  it.each([
    [
      "an error with a token in it",
      { responseCode: 1, responseMessage: "Not registered.", errorCode: 10, data: { token: "fresh-token" } },
      "errorCode 10: Not registered.",
    ],
    ["success without data", issued(null), "errorCode none: Token has been issued"],
    ["success with data but no token", issued({}), "errorCode none: Token has been issued"],
    ["success with an empty token", issued({ token: "" }), "errorCode none: Token has been issued"],
    ["success with a token that is not a string", issued({ token: 123 }), "errorCode none: Token has been issued"],
  ])("fails with auth_failed, and retries nothing, on %s", async (_, body, detail) => {
    fake.failNext(RENEW, { status: 200, body });

    const { error, logged } = await failedRenewal();

    expect(error.message).toBe(renewalFailure(detail));
    expect(logged).toEqual([["bakong.token_renewal_failed", { detail }]]);
    expect(fake.requests.map((request) => request.path)).toEqual([CHECK, RENEW]);
  });
});
