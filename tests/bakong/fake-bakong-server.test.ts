import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeBakong, type FakeBakong } from "@/tests/fakes/fake-bakong-server";
import { md5Of } from "./helpers";

let fake: FakeBakong;

beforeAll(async () => {
  fake = await startFakeBakong();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const post = (path: string, body: unknown, token?: string) =>
  fetch(`${fake.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });

describe("fake Bakong HTTP control routes", () => {
  it("marks a payment paid, records requests and resets, all over HTTP", async () => {
    const md5 = md5Of("e2e");
    const marked = await post("/_fake/paid", {
      md5,
      toAccountId: "shop@aclb",
      amount: 2,
      currency: "KHR",
      createdDateMs: 1_600_000_000_000,
    });
    expect(marked.status).toBe(200);

    const check = await post("/v1/check_transaction_by_md5", { md5 }, "fake-token");
    const text = await check.text();
    expect(text).toContain('"createdDateMs":1600000000000.0');
    expect(JSON.parse(text)).toMatchObject({ responseCode: 0, data: { toAccountId: "shop@aclb", amount: 2, currency: "KHR" } });

    const requests = (await (await fetch(`${fake.url}/_fake/requests`)).json()) as unknown[];
    expect(requests).toEqual([{ path: "/v1/check_transaction_by_md5", body: { md5 }, authorization: "Bearer fake-token" }]);

    await post("/_fake/reset", {});
    expect(fake.requests).toEqual([]);
    expect((await (await post("/v1/check_transaction_by_md5", { md5 }, "fake-token")).json()) as unknown).toMatchObject({ errorCode: 1 });
  });

  it("fails the next request on a path when told to over HTTP", async () => {
    await post("/_fake/fail-next", { path: "/v1/check_transaction_by_md5", status: 504 });
    expect((await post("/v1/check_transaction_by_md5", { md5: md5Of("a") }, "fake-token")).status).toBe(504);
    expect((await post("/v1/check_transaction_by_md5", { md5: md5Of("a") }, "fake-token")).status).toBe(200);
  });

  it("rejects a wrong bearer with 401 and errorCode 6, and a list of more than 50", async () => {
    const wrong = await post("/v1/check_transaction_by_md5", { md5: md5Of("a") }, "nope");
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ responseCode: 1, errorCode: 6 });

    const tooMany = Array.from({ length: 51 }, (_, index) => md5Of(String(index)));
    expect((await post("/v1/check_transaction_by_md5_list", tooMany, "fake-token")).status).toBe(400);
  });

  it("adds a payment known only by its hash over HTTP, found by hash and by short hash with its amount and currency", async () => {
    const added = await post("/_fake/payment", { toAccountId: "stall@aclb", amount: 7.5, currency: "USD" });
    const { transaction } = (await added.json()) as { transaction: { hash: string } };
    expect(transaction.hash).toMatch(/^[0-9a-f]{64}$/);

    const byHash = await post("/v1/check_transaction_by_hash", { hash: transaction.hash }, "fake-token");
    expect(await byHash.json()).toMatchObject({ responseCode: 0, data: { hash: transaction.hash, toAccountId: "stall@aclb" } });
    const short = transaction.hash.slice(0, 8);
    const byShort = await post("/v1/check_transaction_by_short_hash", { hash: short, amount: 7.5, currency: "USD" }, "fake-token");
    expect(await byShort.json()).toMatchObject({ responseCode: 0, data: { hash: transaction.hash } });
    const otherAmount = await post("/v1/check_transaction_by_short_hash", { hash: short, amount: 7, currency: "USD" }, "fake-token");
    expect(await otherAmount.json()).toMatchObject({ responseCode: 1, errorCode: 1 });
    expect((await post("/v1/check_transaction_by_short_hash", { hash: short }, "fake-token")).status).toBe(400);
  });
});

describe("fake Bakong deep links", () => {
  const sourceInfo = {
    appName: "KHQR Pay",
    appIconUrl: "https://pay.example.com/icon.svg",
    appDeepLinkCallback: "https://pay.example.com/pay/x",
  };

  it("does not serve generate_deeplink_by_qr unless given a deepLinkBase, so pages show no bank-app link by default", async () => {
    const answer = await post("/v1/generate_deeplink_by_qr", { qr: "000201", sourceInfo }, "fake-token");
    expect(answer.status).toBe(404);
  });

  it("answers a short link per QR when given a deepLinkBase, and missing fields with errorCode 5", async () => {
    const linking = await startFakeBakong({ deepLinkBase: "https://bakong.page.link" });
    try {
      const ask = (body: unknown) =>
        fetch(`${linking.url}/v1/generate_deeplink_by_qr`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: "Bearer fake-token" },
          body: JSON.stringify(body),
        });
      expect(await (await ask({ qr: "000201", sourceInfo })).json()).toEqual({
        responseCode: 0,
        responseMessage: "Getting Deeplink successfully",
        errorCode: null,
        data: { shortLink: `https://bakong.page.link/${md5Of("000201")}` },
      });
      const missing = await ask({ qr: "000201", sourceInfo: { appName: "KHQR Pay" } });
      expect(missing.status).toBe(400);
      expect(await missing.json()).toMatchObject({ responseCode: 1, errorCode: 5 });
      expect(linking.wireRequests.map(({ method, path, bodyText }) => ({ method, path, bodyText }))).toEqual([
        { method: "POST", path: "/v1/generate_deeplink_by_qr", bodyText: JSON.stringify({ qr: "000201", sourceInfo }) },
        {
          method: "POST",
          path: "/v1/generate_deeplink_by_qr",
          bodyText: JSON.stringify({ qr: "000201", sourceInfo: { appName: "KHQR Pay" } }),
        },
      ]);
    } finally {
      await linking.close();
    }
  });
});
