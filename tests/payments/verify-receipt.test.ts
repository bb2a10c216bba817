import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { transactions, verifiedPayments } from "@/lib/db/schema";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { POST as sandboxPayRoute } from "@/app/api/v1/sandbox/transactions/pay/route";
import { POST as verifyRoute } from "@/app/api/v1/transaction/verify/route";
import { startFakeBakong, type FakeBakong } from "../fakes/fake-bakong-server";
import { call } from "../helpers/api";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";

let fake: FakeBakong;
let merchant: TestMerchant;
const TOKEN = "verify-test-token";
const ACCOUNT = "coffee_shop@aclb";

beforeAll(async () => {
  fake = await startFakeBakong();
  process.env.BAKONG_API_URL = fake.url;
  process.env.BAKONG_TOKEN = TOKEN;
  process.env.BAKONG_TIMEOUT_MS = "400";
  delete process.env.BAKONG_EMAIL;
  merchant = await createTestMerchant();
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.reset();
  fake.setToken(TOKEN);
});

const verify = (body: unknown, key = merchant.liveKey.key) => call(verifyRoute, { key, body });
const hashCalls = () => fake.requests.filter((request) => request.path.startsWith("/v1/check_transaction_by_")).length;

async function verifiedRows(userId = merchant.userId): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(verifiedPayments).where(eq(verifiedPayments.userId, userId));
  return row?.n ?? 0;
}

describe("POST /transaction/verify (live, against a Bakong-speaking server)", () => {
  it("a payment to this account is verified once; the same receipt again is already_verified, answered without Bakong", async () => {
    const paidAtMs = Date.now() - 60_000;
    const paid = fake.addPayment({
      toAccountId: ACCOUNT,
      amount: 7.5,
      currency: "USD",
      createdDateMs: paidAtMs,
      fromAccountId: "dara@abaa",
    });

    const first = await verify({ hash: paid.hash.toUpperCase() });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      verified: true,
      reason: null,
      hash: paid.hash,
      amount: 7.5,
      currency: "USD",
      paid_at: new Date(paidAtMs).toISOString(),
      from_account_id: "dara@abaa",
      to_account_id: ACCOUNT,
      first_verified_by: { source: "api", api_key_id: merchant.liveKey.id },
      already_verified: false,
    });
    expect(fake.requests.at(-1)).toMatchObject({ path: "/v1/check_transaction_by_hash", body: { hash: paid.hash } });
    const callsSoFar = hashCalls();

    const again = await verify({ hash: paid.hash.slice(0, 8), amount: "7.50", currency: "USD" });
    expect(again.body).toMatchObject({
      verified: true,
      already_verified: true,
      hash: paid.hash,
      first_verified_at: first.body.first_verified_at,
    });
    expect(again.body.message).toMatch(/verified before: it is being shown a second time/);
    expect(hashCalls()).toBe(callsSoFar);
    expect(await verifiedRows()).toBe(1);
  });

  it("verifies by the receipt's short hash with amount and currency", async () => {
    const paid = fake.addPayment({ toAccountId: ACCOUNT, amount: 4000, currency: "KHR" });
    const answer = await verify({ hash: paid.hash.slice(0, 8), amount: 4000, currency: "KHR" });
    expect(answer.body).toMatchObject({ verified: true, already_verified: false, hash: paid.hash, amount: 4000, currency: "KHR" });
    expect(fake.requests.at(-1)).toMatchObject({
      path: "/v1/check_transaction_by_short_hash",
      body: { hash: paid.hash.slice(0, 8), amount: 4000, currency: "KHR" },
    });
    const wrongAmount = await verify({ hash: paid.hash.slice(0, 8), amount: 3000, currency: "KHR" });
    expect(wrongAmount.body).toMatchObject({ verified: false, reason: "not_found", already_verified: false });
  });

  it("not found is 200 verified: false, and nothing is recorded", async () => {
    const before = await verifiedRows();
    const answer = await verify({ hash: "ab".repeat(32) });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      verified: false,
      reason: "not_found",
      hash: "ab".repeat(32),
      amount: null,
      first_verified_at: null,
    });
    expect(await verifiedRows()).toBe(before);
  });

  it("a payment to another account, or not of the asked amount, is verified: false with a reason, and not recorded", async () => {
    const before = await verifiedRows();
    const elsewhere = fake.addPayment({ toAccountId: "other_shop@aclb", amount: 5, currency: "USD" });
    expect((await verify({ hash: elsewhere.hash })).body).toMatchObject({
      verified: false,
      reason: "wrong_account",
      to_account_id: "other_shop@aclb",
      already_verified: false,
    });
    const ours = fake.addPayment({ toAccountId: ACCOUNT, amount: 5, currency: "USD" });
    expect((await verify({ hash: ours.hash, amount: 6, currency: "USD" })).body).toMatchObject({
      verified: false,
      reason: "amount_mismatch",
    });
    expect((await verify({ hash: ours.hash, amount: 5, currency: "KHR" })).body).toMatchObject({
      verified: false,
      reason: "currency_mismatch",
    });
    expect(await verifiedRows()).toBe(before);
  });

  it("Bakong down → 502 bakong_unavailable with a full stop and Retry-After, and nothing recorded", async () => {
    const before = await verifiedRows();
    fake.failNext("/v1/check_transaction_by_hash", { status: 503, retryAfter: 7 });
    const answer = await verify({ hash: "cd".repeat(32) });
    expect(answer.status).toBe(502);
    expect(answer.body.error).toBe("bakong_unavailable");
    expect(answer.body.message).toMatch(/\. Whether this receipt was paid is unknown; retry in a few seconds\.$/);
    expect(answer.headers.get("retry-after")).toBe("7");
    expect(await verifiedRows()).toBe(before);
  });

  it("is recorded against the merchant's static QR of that account and currency", async () => {
    const staticQr = (await call(createQrRoute, { key: merchant.liveKey.key, body: { currency: "USD", store_label: "Stall 4" } })).body;
    const paid = fake.addPayment({ toAccountId: ACCOUNT, amount: 2.25, currency: "USD" });
    const answer = await verify({ hash: paid.hash });
    expect(answer.body).toMatchObject({ verified: true, static_qr_md5: staticQr.md5 });
    const db = await getDb();
    const [row] = await db
      .select({ md5: transactions.md5 })
      .from(verifiedPayments)
      .innerJoin(transactions, eq(transactions.id, verifiedPayments.transactionId))
      .where(eq(verifiedPayments.hash, paid.hash));
    expect(row?.md5).toBe(staticQr.md5);
  });

  it("each merchant records its own verifications", async () => {
    const other = await createTestMerchant();
    const paid = fake.addPayment({ toAccountId: ACCOUNT, amount: 1, currency: "USD" });
    expect((await verify({ hash: paid.hash })).body.already_verified).toBe(false);
    expect((await verify({ hash: paid.hash }, other.liveKey.key)).body).toMatchObject({ verified: true, already_verified: false });
  });

  it.each([
    [{}, "hash is required"],
    [{ hash: "xyz" }, "hash must be the 64-character Bakong transaction hash or the 8-character short hash printed on the receipt"],
    [{ hash: "abcd1234" }, "amount is required with an 8-character short hash; currency is required with an 8-character short hash"],
    [{ hash: "abcd1234", amount: 5, currency: "EUR" }, "currency must be USD or KHR"],
    [{ hash: "ab".repeat(32), amount: 5 }, "currency is required when amount is given"],
    [{ hash: "abcd1234", amount: 1.234, currency: "USD" }, "USD"],
    [{ hash: "abcd1234", amount: -1, currency: "USD" }, "amount"],
    [{ hash: "ab".repeat(32), extra: 1 }, "Unknown field extra: leave it out"],
  ])("bad input %j → 400 invalid_input, no Bakong call, nothing recorded", async (body, message) => {
    const before = await verifiedRows();
    const answer = await verify(body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe("invalid_input");
    expect(answer.body.message).toContain(message);
    expect(hashCalls()).toBe(0);
    expect(await verifiedRows()).toBe(before);
  });

  it("is limited to 120 requests per minute per key", async () => {
    const answer = await verify({ hash: "ef".repeat(32) });
    expect(answer.headers.get("x-ratelimit-limit")).toBe("120");
  });

  it("merchant_not_configured before a profile is saved", async () => {
    const bare = await createTestMerchant(null);
    const answer = await verify({ hash: "ab".repeat(32) }, bare.liveKey.key);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe("merchant_not_configured");
    expect(hashCalls()).toBe(0);
    expect(await verifiedRows(bare.userId)).toBe(0);
  });
});

describe("sandbox: a static QR paid and its receipt verified", () => {
  it("the simulated receipt verifies for its own account only, by hash or short hash", async () => {
    const staticQr = (await call(createQrRoute, { key: merchant.testKey.key, body: {} })).body;
    const paid = await call(sandboxPayRoute, { key: merchant.testKey.key, body: { md5: staticQr.md5, amount: 3.5 } });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ md5: staticQr.md5, type: "static", simulated: true, amount: 3.5, currency: "USD" });
    const hash = paid.body.hash as string;
    expect(paid.body.short_hash).toBe(hash.slice(0, 8));

    const other = await createTestMerchant();
    expect((await verify({ hash }, other.testKey.key)).body).toMatchObject({ verified: false, reason: "not_found" });
    expect((await verify({ hash }, merchant.liveKey.key)).body).toMatchObject({ verified: false, reason: "not_found" });

    const byShort = await verify({ hash: hash.slice(0, 8), amount: 3.5, currency: "USD" }, merchant.testKey.key);
    expect(byShort.body).toMatchObject({
      verified: true,
      already_verified: false,
      hash,
      static_qr_md5: staticQr.md5,
      first_verified_by: { source: "api", api_key_id: merchant.testKey.id },
    });
    expect((await verify({ hash }, merchant.testKey.key)).body).toMatchObject({ verified: true, already_verified: true });
  });
});
