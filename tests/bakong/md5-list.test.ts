import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLiveBakongClient, type BakongCheckResult } from "@/lib/bakong";
import { startFakeBakong, type FakeBakong } from "@/tests/fakes/fake-bakong-server";
import { expectUnavailable, md5Of } from "./helpers";

const LIST = "/v1/check_transaction_by_md5_list";
let fake: FakeBakong;

beforeAll(async () => {
  fake = await startFakeBakong({ token: "good-token", listOrder: "reversed" });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function client() {
  return createLiveBakongClient({ baseUrl: fake.url, token: "good-token", timeoutMs: 2_000 });
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

describe("live client: one check_transaction_by_md5_list call", () => {
  it("sends up to 50 md5s in one call and matches the reversed answers by the md5 each echoes", async () => {
    const md5s = md5List(50);
    const expected = seedMixedStatuses(md5s);

    const { results, unsettled } = await client().checkMd5List(md5s);

    expect(paths()).toEqual([LIST]);
    expect(fake.requests[0]?.body).toEqual(md5s);
    expect(statusesOf(results)).toEqual(expected);
    expect(unsettled).toEqual([]);
    const paid = results.get(md5s[3] as string);
    expect(paid?.status === "found" && paid.transaction).toMatchObject({ amount: 3.25, createdDateMs: 1_700_000_000_003 });
    expect(paid?.raw).toMatchObject({ md5: md5s[3], status: "SUCCESS" });
  });

  it("refuses more than 50 md5s without calling Bakong", async () => {
    await expect(client().checkMd5List(md5List(51))).rejects.toThrow(new RangeError("at most 50 md5s per list call, got 51"));
    expect(fake.requests).toEqual([]);
  });

  it("counts distinct md5s against the limit of 50: 60 entries naming 50 md5s make one call", async () => {
    const md5s = md5List(50);
    const { results, unsettled } = await client().checkMd5List([...md5s, ...md5s.slice(0, 10)]);
    expect(fake.requests).toEqual([{ path: LIST, body: md5s, authorization: "Bearer good-token" }]);
    expect([...results.keys()].sort()).toEqual([...md5s].sort());
    expect(unsettled).toEqual([]);
  });

  it("reports STATIC_QR items as not_found", async () => {
    fake.markStatic(md5Of("static"));
    const { results } = await client().checkMd5List([md5Of("static")]);
    expect(results.get(md5Of("static"))).toMatchObject({ status: "not_found", raw: { status: "STATIC_QR" } });
  });

  it.each([
    ["a bare 403", () => fake.setListEndpoint("forbidden")],
    ["a 404", () => fake.failNext(LIST, { status: 404 })],
    ["an HTML page", () => fake.failNext(LIST, { status: 200, body: "<html>nginx</html>" })],
    [
      "an error other than not found",
      () => fake.failNext(LIST, { status: 200, body: { responseCode: 1, responseMessage: "Cannot connect", errorCode: 9, data: null } }),
    ],
  ])("answers %s with list_refused, so the caller can check singly and stop calling the list", async (_, refuse) => {
    refuse();
    const error = await expectUnavailable(client().checkMd5List(md5List(3)), "list_refused");
    expect(error.message).toMatch(/md5-list endpoint refused/);
    expect(paths()).toEqual([LIST]);
  });

  it.each([
    [400, ""],
    [403, " (Bakong refuses callers outside Cambodia: BAKONG_API_URL may need to point at a Cambodian relay)"],
    [404, ""],
    [405, ""],
    [501, ""],
  ])("reads HTTP %i from the list endpoint as list_refused, keeping the status", async (status, hint) => {
    fake.failNext(LIST, { status });
    const error = await expectUnavailable(client().checkMd5List(md5List(3)), "list_refused");
    expect(error.message).toBe(
      `Bakong's md5-list endpoint refused the call: Bakong answered ${fake.url}${LIST} with HTTP ${status}${hint}`,
    );
    expect(error.httpStatus).toBe(status);
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it.each([
    ["a body that is not JSON", { status: 200, body: "<html>nginx</html>" }, `Bakong answered {url} with a body that is not JSON`],
    [
      "an error envelope other than not found",
      { status: 200, body: { responseCode: 1, responseMessage: "Cannot connect", errorCode: 9, data: null } },
      "responseCode 1, errorCode 9",
    ],
    [
      "an error envelope without errorCode",
      { status: 200, body: { responseCode: 1, responseMessage: "?", errorCode: null, data: null } },
      "responseCode 1, errorCode none",
    ],
    [
      "an error envelope that still carries a list of NOT_FOUND items (never read as unpaid)",
      {
        status: 200,
        body: {
          responseCode: 1,
          responseMessage: "Cannot connect",
          errorCode: 9,
          data: md5List(3).map((md5) => ({ md5, status: "NOT_FOUND", message: "", data: null })),
        },
      },
      "responseCode 1, errorCode 9",
    ],
    [
      "a success envelope whose data is not a list",
      { status: 200, body: { responseCode: 0, responseMessage: "ok", errorCode: null, data: { md5: md5Of("qr-0"), status: "SUCCESS" } } },
      "responseCode 0, errorCode none",
    ],
  ])("reads %s as list_refused with no HTTP status, saying what came back", async (_, failure, detail) => {
    fake.failNext(LIST, failure);
    const error = await expectUnavailable(client().checkMd5List(md5List(3)), "list_refused");
    expect(error.message).toBe(`Bakong's md5-list endpoint refused the call: ${detail.replace("{url}", `${fake.url}${LIST}`)}`);
    expect(error.httpStatus).toBeUndefined();
  });

  it.each([
    ["a 500", { status: 500 }, "http_error"],
    ["a 429", { status: 429, retryAfter: 30 }, "http_error"],
  ] as const)("answers %s as an outage, not a refusal: single checks would fare no better", async (_, failure, reason) => {
    fake.failNext(LIST, failure);
    await expectUnavailable(client().checkMd5List(md5List(3)), reason);
  });

  it("answers a rejected token that cannot be renewed as auth_failed, not as a refusal of the list", async () => {
    fake.setToken("rotated");
    await expectUnavailable(client().checkMd5List(md5List(3)), "auth_failed");
    expect(paths()).toEqual([LIST]);
  });

  it("reads a success envelope by its items even if it also carries errorCode 1: a paid QR is never reported unpaid", async () => {
    const [paid, unpaid] = md5List(2) as [string, string];
    const items = [
      { md5: paid, status: "SUCCESS", message: "Success", data: { hash: "e".repeat(64), amount: 2 } },
      { md5: unpaid, status: "NOT_FOUND", message: "Not found", data: null },
    ];
    fake.failNext(LIST, { status: 200, body: { responseCode: 0, responseMessage: "ok", errorCode: 1, data: items } });

    const { results, unsettled } = await client().checkMd5List([paid, unpaid]);

    expect(results).toEqual(
      new Map<string, BakongCheckResult>([
        [paid, { status: "found", transaction: { hash: "e".repeat(64), amount: 2 }, raw: items[0] }],
        [unpaid, { status: "not_found", raw: items[1] }],
      ]),
    );
    expect(unsettled).toEqual([]);
  });

  it("reads a list-level 'not found' as not_found for every md5", async () => {
    const md5s = md5List(3);
    fake.failNext(LIST, {
      status: 200,
      body: { responseCode: 1, responseMessage: "Transaction could not be found.", errorCode: 1, data: null },
    });
    const { results, unsettled } = await client().checkMd5List(md5s);
    expect([...results.keys()]).toEqual(md5s);
    expect([...results.values()].map((result) => result.status)).toEqual(["not_found", "not_found", "not_found"]);
    expect(unsettled).toEqual([]);
  });

  it("leaves SERVICE_FAILED items unsettled, for single checks", async () => {
    const md5s = md5List(4);
    seedMixedStatuses(md5s);
    fake.setListEndpoint("service_failed");
    const { results, unsettled } = await client().checkMd5List(md5s);
    expect(results.size).toBe(0);
    expect(unsettled).toEqual(md5s);
  });

  it("leaves unsettled only the md5s the answer left out, ignoring items for md5s not asked", async () => {
    const [paid, missing] = md5List(2) as [string, string];
    const paidData = { hash: "f".repeat(64), amount: 1, createdDateMs: 1.5e12 };
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

    const { results, unsettled } = await client().checkMd5List([paid, missing]);

    expect(results.get(paid)).toMatchObject({ status: "found", transaction: { hash: "f".repeat(64) } });
    expect([...results.keys()]).toEqual([paid]);
    expect(unsettled).toEqual([missing]);
  });

  it("skips items that are not objects or carry no md5 string, settling the rest", async () => {
    const [notFound, failed, skipped] = md5List(3) as [string, string, string];
    const notFoundItem = { md5: notFound, status: "NOT_FOUND", message: "", data: null };
    const failedItem = { md5: failed, status: "FAILED", message: "", data: null };
    fake.failNext(LIST, {
      status: 200,
      body: {
        responseCode: 0,
        responseMessage: "ok",
        errorCode: null,
        data: [
          null,
          skipped,
          7,
          notFoundItem,
          { status: "SUCCESS", data: { hash: "f".repeat(64) } },
          { md5: 42, status: "FAILED" },
          failedItem,
        ],
      },
    });

    const { results, unsettled } = await client().checkMd5List([notFound, failed, skipped]);

    expect(results).toEqual(
      new Map<string, BakongCheckResult>([
        [notFound, { status: "not_found", raw: notFoundItem }],
        [failed, { status: "failed", raw: failedItem }],
      ]),
    );
    expect(unsettled).toEqual([skipped]);
  });

  it("times out as an outage", async () => {
    fake.delay(LIST, 500);
    const slowClient = createLiveBakongClient({ baseUrl: fake.url, token: "good-token", timeoutMs: 100 });
    await expectUnavailable(slowClient.checkMd5List(md5List(3)), "timeout");
  });

  it("asks once per distinct md5 and makes no request for an empty list", async () => {
    const { results } = await client().checkMd5List([md5Of("a"), md5Of("a")]);
    expect([...results.keys()]).toEqual([md5Of("a")]);
    expect(fake.requests[0]?.body).toEqual([md5Of("a")]);

    fake.reset();
    expect(await client().checkMd5List([])).toEqual({ results: new Map(), unsettled: [] });
    expect(fake.requests).toEqual([]);
  });

  it("renews an expired token on the list endpoint too", async () => {
    fake.setToken("rotated");
    fake.setRenewable("ops@example.com", "rotated");
    const renewing = createLiveBakongClient({ baseUrl: fake.url, token: "good-token", email: "ops@example.com" });
    const { results } = await renewing.checkMd5List([md5Of("a")]);
    expect(results.get(md5Of("a"))?.status).toBe("not_found");
    expect(paths()).toEqual([LIST, "/v1/renew_token", LIST]);
  });
});
