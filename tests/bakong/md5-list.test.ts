import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLiveBakongClient, type BakongCheckResult } from "@/lib/bakong";
import { startFakeBakong, type FakeBakong } from "@/tests/fakes/fake-bakong-server";
import { expectUnavailable, md5Of } from "./helpers";

const CHECK = "/v1/check_transaction_by_md5";
const LIST = "/v1/check_transaction_by_md5_list";
let fake: FakeBakong;
let events: Array<{ event: string; fields: Record<string, unknown> }>;

beforeAll(async () => {
  fake = await startFakeBakong({ token: "good-token", listOrder: "reversed" });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function client() {
  events = [];
  return createLiveBakongClient({
    baseUrl: fake.url,
    token: "good-token",
    timeoutMs: 2_000,
    log: (event, fields) => events.push({ event, fields }),
  });
}

const md5List = (count: number) => Array.from({ length: count }, (_, index) => md5Of(`qr-${index}`));
const paths = () => fake.requests.map((request) => request.path);

/** Pays every third md5 and fails every seventh that is not paid, so position-based matching would be caught. */
function seedMixedStatuses(md5s: string[]): Map<string, BakongCheckResult["status"]> {
  const expected = new Map<string, BakongCheckResult["status"]>();
  md5s.forEach((md5, index) => {
    if (index % 3 === 0) {
      fake.markPaid(md5, { toAccountId: "shop@aclb", amount: index + 0.25, currency: "USD", createdDateMs: 1_700_000_000_000 + index });
      expected.set(md5, "found");
    } else if (index % 7 === 0) {
      fake.markFailed(md5);
      expected.set(md5, "failed");
    } else {
      expected.set(md5, "not_found");
    }
  });
  return expected;
}

function statusesOf(results: Map<string, BakongCheckResult>): Map<string, BakongCheckResult["status"]> {
  return new Map([...results].map(([md5, result]) => [md5, result.status]));
}

describe("live client: check_transactions_by_md5_list", () => {
  it("sends 120 md5s as three list calls of at most 50 and matches the reversed answers by md5", async () => {
    const md5s = md5List(120);
    const expected = seedMixedStatuses(md5s);

    const results = await client().checkTransactionsByMd5List(md5s);

    expect(paths()).toEqual([LIST, LIST, LIST]);
    expect(fake.requests.map((request) => (request.body as string[]).length)).toEqual([50, 50, 20]);
    expect(fake.requests.flatMap((request) => request.body as string[])).toEqual(md5s);
    expect(statusesOf(results)).toEqual(expected);
    const paid = results.get(md5s[3] as string);
    expect(paid?.status === "found" && paid.transaction).toMatchObject({ amount: 3.25, createdDateMs: 1_700_000_000_003 });
    expect(paid?.raw).toMatchObject({ md5: md5s[3], status: "SUCCESS" });
    expect(events).toEqual([]);
  });

  it("reports STATIC_QR items as not_found", async () => {
    fake.markStatic(md5Of("static"));
    const results = await client().checkTransactionsByMd5List([md5Of("static")]);
    expect(results.get(md5Of("static"))).toMatchObject({ status: "not_found", raw: { status: "STATIC_QR" } });
  });

  it("falls back to single checks when the list endpoint answers a bare 403", async () => {
    const md5s = md5List(60);
    const expected = seedMixedStatuses(md5s);
    fake.setListEndpoint("forbidden");

    const results = await client().checkTransactionsByMd5List(md5s);

    expect(statusesOf(results)).toEqual(expected);
    expect(paths().filter((path) => path === LIST)).toHaveLength(2);
    expect(paths().filter((path) => path === CHECK)).toHaveLength(60);
    expect(events.map((entry) => entry.fields.httpStatus)).toEqual([403, 403]);
  });

  it("falls back to single checks when the list endpoint errors", async () => {
    const md5s = md5List(5);
    const expected = seedMixedStatuses(md5s);
    fake.setListEndpoint("error");
    expect(statusesOf(await client().checkTransactionsByMd5List(md5s))).toEqual(expected);
    expect(paths().filter((path) => path === CHECK)).toHaveLength(5);
  });

  it("falls back only for the chunk whose list call failed", async () => {
    const md5s = md5List(70);
    const expected = seedMixedStatuses(md5s);
    fake.failNext(LIST, { status: 500 });

    const results = await client().checkTransactionsByMd5List(md5s);

    expect(statusesOf(results)).toEqual(expected);
    expect(paths().filter((path) => path === LIST)).toHaveLength(2);
    expect(paths().filter((path) => path === CHECK)).toHaveLength(50);
  });

  it("falls back when the list answer is garbage", async () => {
    const md5s = md5List(3);
    const expected = seedMixedStatuses(md5s);
    fake.failNext(LIST, { status: 200, body: "not json at all" });
    expect(statusesOf(await client().checkTransactionsByMd5List(md5s))).toEqual(expected);
  });

  it("falls back when the list reports an error other than not found", async () => {
    const md5s = md5List(3);
    const expected = seedMixedStatuses(md5s);
    fake.failNext(LIST, { status: 200, body: { responseCode: 1, responseMessage: "Cannot connect", errorCode: 9, data: null } });
    expect(statusesOf(await client().checkTransactionsByMd5List(md5s))).toEqual(expected);
    expect(paths().filter((path) => path === CHECK)).toHaveLength(3);
  });

  it("reads a list-level 'not found' as not_found for the whole chunk", async () => {
    const md5s = md5List(3);
    fake.failNext(LIST, {
      status: 200,
      body: { responseCode: 1, responseMessage: "Transaction could not be found.", errorCode: 1, data: null },
    });
    const results = await client().checkTransactionsByMd5List(md5s);
    expect([...results.values()].map((result) => result.status)).toEqual(["not_found", "not_found", "not_found"]);
    expect(paths()).toEqual([LIST]);
  });

  it("checks SERVICE_FAILED items singly", async () => {
    const md5s = md5List(4);
    const expected = seedMixedStatuses(md5s);
    fake.setListEndpoint("service_failed");
    expect(statusesOf(await client().checkTransactionsByMd5List(md5s))).toEqual(expected);
    expect(paths().filter((path) => path === CHECK)).toHaveLength(4);
  });

  it("checks singly only the md5s the list answer left out, ignoring items for md5s not asked", async () => {
    const [paid, missing] = md5List(2) as [string, string];
    const paidData = { hash: "f".repeat(64), amount: 1, createdDateMs: 1.5e12 };
    fake.markPaid(paid, { toAccountId: "shop@aclb", amount: 1, currency: "USD" });
    fake.failNext(LIST, {
      status: 200,
      body: {
        responseCode: 0,
        responseMessage: "ok",
        errorCode: null,
        data: [
          { md5: md5Of("stranger"), status: "SUCCESS", message: "", data: paidData },
          { md5: paid.toUpperCase(), status: "SUCCESS", message: "", data: paidData },
        ],
      },
    });

    const results = await client().checkTransactionsByMd5List([paid, missing]);

    expect(results.get(paid)).toMatchObject({ status: "found", transaction: { hash: "f".repeat(64) } });
    expect(results.get(missing)?.status).toBe("not_found");
    expect(results.has(md5Of("stranger"))).toBe(false);
    expect(fake.requests.filter((request) => request.path === CHECK).map((request) => request.body)).toEqual([{ md5: missing }]);
  });

  it("does not fall back on a timeout: single checks would time out too", async () => {
    fake.delay(LIST, 500);
    const slowClient = createLiveBakongClient({ baseUrl: fake.url, token: "good-token", timeoutMs: 100 });
    await expectUnavailable(slowClient.checkTransactionsByMd5List(md5List(3)), "timeout");
    expect(paths()).toEqual([LIST]);
  });

  it("rejects when a fallback single check fails, rather than inventing a status", async () => {
    fake.setListEndpoint("forbidden");
    fake.failNext(CHECK, { status: 504 });
    const error = await expectUnavailable(client().checkTransactionsByMd5List(md5List(3)), "http_error");
    expect(error.httpStatus).toBe(504);
  });

  it("answers once per distinct md5 and makes no request for an empty list", async () => {
    const results = await client().checkTransactionsByMd5List([md5Of("a"), md5Of("a")]);
    expect([...results.keys()]).toEqual([md5Of("a")]);
    expect(fake.requests[0]?.body).toEqual([md5Of("a")]);

    fake.reset();
    expect((await client().checkTransactionsByMd5List([])).size).toBe(0);
    expect(fake.requests).toEqual([]);
  });

  it("renews an expired token on the list endpoint too", async () => {
    fake.setToken("rotated");
    fake.setRenewable("ops@example.com", "rotated");
    const renewing = createLiveBakongClient({ baseUrl: fake.url, token: "good-token", email: "ops@example.com" });
    const results = await renewing.checkTransactionsByMd5List([md5Of("a")]);
    expect(results.get(md5Of("a"))?.status).toBe("not_found");
    expect(paths()).toEqual([LIST, "/v1/renew_token", LIST]);
  });
});
