import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { bakongClientFor } from "@/lib/payments/bakong-clients";
import { startFakeBakong, type FakeBakong } from "../fakes/fake-bakong-server";
import { logLines } from "../helpers/log-lines";

const CHECK = "/v1/check_transaction_by_md5";
const RENEW = "/v1/renew_token";
const EMAIL = "ops@shop.example";
const unknownMd5 = () => crypto.randomUUID().replaceAll("-", "");

let fake: FakeBakong;
beforeAll(async () => {
  fake = await startFakeBakong({ token: "renewed-token" });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the live Bakong client", () => {
  it("is kept while the configuration stays the same, so a token renewed at run time is used from then on", async () => {
    vi.stubEnv("BAKONG_API_URL", fake.url);
    vi.stubEnv("BAKONG_TOKEN", "expired-token");
    vi.stubEnv("BAKONG_EMAIL", EMAIL);
    fake.setRenewable(EMAIL, "renewed-token");

    const lines = await logLines(async () => {
      await expect(bakongClientFor("live").checkTransactionByMd5(unknownMd5())).resolves.toMatchObject({ status: "not_found" });
    });
    expect(lines).toContainEqual(expect.objectContaining({ level: "warn", msg: "bakong.token_renewed" }));

    const client = bakongClientFor("live");
    expect(bakongClientFor("live")).toBe(client);
    await expect(client.checkTransactionByMd5(unknownMd5())).resolves.toMatchObject({ status: "not_found" });
    expect(fake.requests.filter((request) => request.path === RENEW)).toHaveLength(1);
    expect(fake.requests.filter((request) => request.path === CHECK).map((request) => request.authorization)).toEqual([
      "Bearer expired-token",
      "Bearer renewed-token",
      "Bearer renewed-token",
    ]);
  });

  it("is made anew when the configuration changes", () => {
    vi.stubEnv("BAKONG_API_URL", fake.url);
    vi.stubEnv("BAKONG_TOKEN", "one-token");
    const first = bakongClientFor("live");
    vi.stubEnv("BAKONG_TOKEN", "another-token");
    expect(bakongClientFor("live")).not.toBe(first);
  });
});
