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
});
