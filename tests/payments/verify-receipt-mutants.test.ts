import { randomBytes } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { transactions, verifiedPayments, webhookDeliveries } from "@/lib/db/schema";
import { createQr, simulatePayment, verifyReceipt, type Verifier } from "@/lib/payments";
import { createWebhookEndpoint } from "@/lib/webhooks";
import { startFakeBakong, type FakeBakong } from "../fakes/fake-bakong-server";
import { logLines } from "../helpers/log-lines";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";

let fake: FakeBakong;
let merchant: TestMerchant;
const TOKEN = "verify-mutants-token";
const ACCOUNT = "coffee_shop@aclb";
const CHECK_HASH = "/v1/check_transaction_by_hash";

const MESSAGES = {
  paid: "Paid: the payment reached your Bakong account.",
  not_found: "Bakong has no payment with this hash (and amount and currency). Do not accept this receipt.",
  failed: "Bakong reports this transfer as failed: no money arrived.",
  wrong_account: "This payment went to another Bakong account, not yours. Do not accept this receipt.",
  amount_mismatch: "This payment is for a different amount than the one you asked about.",
  currency_mismatch: "This payment is in a different currency than the one you asked about.",
};

beforeAll(async () => {
  fake = await startFakeBakong();
  process.env.BAKONG_API_URL = fake.url;
  process.env.BAKONG_TOKEN = TOKEN;
  // Generous: one test holds Bakong's answers back on purpose, and the machine is slow.
  process.env.BAKONG_TIMEOUT_MS = "15000";
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

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The signed-in merchant on the dashboard: no API key, and no account read beforehand. */
const onDashboard = (who: TestMerchant = merchant): Verifier => ({ ...who.live, source: "dashboard", apiKeyId: null });
const byApi = (who: TestMerchant = merchant): Verifier => ({ ...who.live, source: "api", apiKeyId: who.liveKey.id });

const newHash = () => randomBytes(32).toString("hex");
const hashCalls = () => fake.requests.filter((request) => request.path.startsWith("/v1/check_transaction_by_")).length;

/** Bakong's next answer on check_transaction_by_hash: found, with exactly these transaction fields. */
function bakongFinds(data: Record<string, unknown>): void {
  fake.failNext(CHECK_HASH, {
    status: 200,
    body: { responseCode: 0, responseMessage: "Getting transaction successfully.", errorCode: null, data },
  });
}

async function rowsOf(userId: string): Promise<(typeof verifiedPayments.$inferSelect)[]> {
  const db = await getDb();
  return db.select().from(verifiedPayments).where(eq(verifiedPayments.userId, userId));
}

async function verifiedCount(userId = merchant.userId): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(verifiedPayments).where(eq(verifiedPayments.userId, userId));
  return row?.n ?? 0;
}

/** Every field of a verified: false answer, for the reason given and what Bakong said about the payment. */
function unverifiedAnswer(reason: keyof typeof MESSAGES, hash: string, paid: Record<string, unknown> = {}) {
  return {
    verified: false,
    reason,
    message: MESSAGES[reason],
    hash,
    amount: null,
    currency: null,
    paid_at: null,
    from_account_id: null,
    to_account_id: null,
    first_verified_at: null,
    first_verified_by: null,
    already_verified: false,
    static_qr_md5: null,
    ...paid,
  };
}

describe("verifyReceipt: what a verified receipt answers", () => {
  it("a KHR payment is verified on the dashboard, reading the merchant's profile itself, with the Paid message", async () => {
    const paidAtMs = Date.now() - 120_000;
    const paid = fake.addPayment({
      toAccountId: ACCOUNT,
      amount: 4000,
      currency: "KHR",
      createdDateMs: paidAtMs,
      fromAccountId: "dara@abaa",
    });

    const answer = await verifyReceipt(onDashboard(), { hash: paid.hash });

    const [row] = (await rowsOf(merchant.userId)).filter((stored) => stored.hash === paid.hash);
    expect(answer).toEqual({
      verified: true,
      reason: null,
      message: MESSAGES.paid,
      hash: paid.hash,
      amount: 4000,
      currency: "KHR",
      paid_at: new Date(paidAtMs).toISOString(),
      from_account_id: "dara@abaa",
      to_account_id: ACCOUNT,
      first_verified_at: row!.createdAt.toISOString(),
      first_verified_by: { source: "dashboard", api_key_id: null },
      already_verified: false,
      static_qr_md5: null,
    });
  });

  it("Bakong's currency is read case-insensitively: a payment in usd is verified as USD", async () => {
    const paid = fake.addPayment({ toAccountId: ACCOUNT, amount: 2.5, currency: "usd" });
    expect(await verifyReceipt(byApi(), { hash: paid.hash, amount: "2.50", currency: "USD" })).toMatchObject({
      verified: true,
      currency: "USD",
      amount: 2.5,
    });
    const [row] = (await rowsOf(merchant.userId)).filter((stored) => stored.hash === paid.hash);
    expect(row).toMatchObject({ currency: "USD", amount: "2.50" });
  });

  it("a payment Bakong sends without a date or payer is verified with paid_at and from_account_id null", async () => {
    const hash = newHash();
    bakongFinds({ hash, toAccountId: ACCOUNT, currency: "USD", amount: 3 });

    const answer = await verifyReceipt(byApi(), { hash });

    expect(answer).toMatchObject({ verified: true, already_verified: false, hash, amount: 3, paid_at: null, from_account_id: null });
    const [row] = (await rowsOf(merchant.userId)).filter((stored) => stored.hash === hash);
    expect(row).toMatchObject({ paidAt: null, fromAccountId: null, amount: "3.00" });
    // Shown again, the answer comes from that row: still no date.
    expect(await verifyReceipt(byApi(), { hash })).toMatchObject({ verified: true, already_verified: true, paid_at: null });
  });

  it("the first verification sends transaction.verified, linked to the static QR the payment reached", async () => {
    const owner = await createTestMerchant();
    const endpoint = await createWebhookEndpoint(owner.userId, {
      url: "https://hooks.example.com/verified",
      mode: "live",
      events: ["transaction.verified"],
    });
    const staticQr = await createQr(owner.live, { currency: "USD" });
    const paid = fake.addPayment({ toAccountId: ACCOUNT, amount: 6, currency: "USD" });

    const answer = await verifyReceipt(byApi(owner), { hash: paid.hash });
    expect(answer).toMatchObject({ verified: true, static_qr_md5: staticQr.md5 });

    const db = await getDb();
    const [qrRow] = await db.select({ id: transactions.id }).from(transactions).where(eq(transactions.md5, staticQr.md5));
    const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ event: "transaction.verified", transactionId: qrRow!.id, status: "pending" });
    expect(JSON.parse(deliveries[0]!.body)).toMatchObject({
      event: "transaction.verified",
      mode: "live",
      hash: paid.hash,
      amount: 6,
      currency: "USD",
      to_account_id: ACCOUNT,
      verified_at: answer.first_verified_at,
      static_qr_md5: staticQr.md5,
    });
  });

  it("the same receipt verified twice at once: recorded once, one answer first, the other already verified, one event", async () => {
    const owner = await createTestMerchant();
    const endpoint = await createWebhookEndpoint(owner.userId, {
      url: "https://hooks.example.com/verified-once",
      mode: "live",
      events: ["transaction.verified"],
    });
    const paid = fake.addPayment({ toAccountId: ACCOUNT, amount: 9, currency: "USD" });
    // Held back so that both verifications have looked for a record and asked Bakong before either records.
    fake.delay(CHECK_HASH, 1_500);

    const answers = await Promise.all([
      verifyReceipt(byApi(owner), { hash: paid.hash }),
      verifyReceipt(onDashboard(owner), { hash: paid.hash }),
    ]);

    expect(answers.map((answer) => answer.verified)).toEqual([true, true]);
    expect(answers.map((answer) => answer.already_verified).sort()).toEqual([false, true]);
    expect(answers[0]!.first_verified_at).toBe(answers[1]!.first_verified_at);
    expect(answers[0]!.first_verified_by).toEqual(answers[1]!.first_verified_by);
    expect(answers.find((answer) => answer.already_verified)!.message).toBe(
      "Paid, but this receipt was verified before: it is being shown a second time. Do not hand the goods over twice.",
    );
    expect(await verifiedCount(owner.userId)).toBe(1);
    const db = await getDb();
    const deliveries = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(deliveries.map((delivery) => delivery.event)).toEqual(["transaction.verified"]);
  });
});

describe("verifyReceipt: a receipt already recorded by its full hash", () => {
  it("is answered from the record, without asking Bakong, with no, the same currency, or the same amount", async () => {
    const owner = await createTestMerchant();
    const paid = fake.addPayment({ toAccountId: ACCOUNT, amount: 7.5, currency: "USD" });
    const first = await verifyReceipt(byApi(owner), { hash: paid.hash });
    expect(first).toMatchObject({ verified: true, already_verified: false });
    const asked = hashCalls();

    for (const request of [
      { hash: paid.hash },
      { hash: paid.hash, currency: "USD" as const },
      { hash: paid.hash, amount: "7.5", currency: "USD" as const },
      { hash: paid.hash, amount: 7.5, currency: "USD" as const },
    ]) {
      expect(await verifyReceipt(byApi(owner), request)).toMatchObject({
        verified: true,
        already_verified: true,
        hash: paid.hash,
        first_verified_at: first.first_verified_at,
      });
    }
    expect(hashCalls()).toBe(asked);
    expect(await verifiedCount(owner.userId)).toBe(1);
  });

  it("asked with another amount or currency, is Bakong's to answer: amount_mismatch or currency_mismatch", async () => {
    const owner = await createTestMerchant();
    const paid = fake.addPayment({ toAccountId: ACCOUNT, amount: 7.5, currency: "USD", fromAccountId: "dara@abaa" });
    await verifyReceipt(byApi(owner), { hash: paid.hash });
    const asked = hashCalls();

    expect(await verifyReceipt(byApi(owner), { hash: paid.hash, amount: 8, currency: "USD" })).toMatchObject({
      verified: false,
      reason: "amount_mismatch",
      message: MESSAGES.amount_mismatch,
      amount: 7.5,
      currency: "USD",
      already_verified: false,
    });
    expect(await verifyReceipt(byApi(owner), { hash: paid.hash, currency: "KHR" })).toMatchObject({
      verified: false,
      reason: "currency_mismatch",
      message: MESSAGES.currency_mismatch,
      currency: "USD",
    });
    expect(hashCalls()).toBe(asked + 2);
    expect(await verifiedCount(owner.userId)).toBe(1);
  });
});

describe("verifyReceipt: receipts that are not verified", () => {
  it("not found: every field answered, nothing recorded", async () => {
    const hash = newHash();
    expect(await verifyReceipt(byApi(), { hash })).toEqual(unverifiedAnswer("not_found", hash));
    expect((await rowsOf(merchant.userId)).some((row) => row.hash === hash)).toBe(false);
  });

  it("a transfer Bakong reports as failed: reason failed, nothing recorded", async () => {
    const hash = newHash();
    fake.failNext(CHECK_HASH, { status: 200, body: { responseCode: 1, responseMessage: "Transaction failed.", errorCode: 3, data: null } });
    expect(await verifyReceipt(byApi(), { hash })).toEqual(unverifiedAnswer("failed", hash));
    expect((await rowsOf(merchant.userId)).some((row) => row.hash === hash)).toBe(false);
  });

  it("paid to another account: the answer says what Bakong saw (amount, currency, date, payer, payee), and the operator is told", async () => {
    const paidAtMs = Date.now() - 30_000;
    const elsewhere = fake.addPayment({
      toAccountId: "other_shop@aclb",
      amount: 4000,
      currency: "KHR",
      createdDateMs: paidAtMs,
      fromAccountId: "dara@abaa",
    });
    const before = await verifiedCount();

    let answer: unknown;
    const lines = await logLines(async () => {
      answer = await verifyReceipt(byApi(), { hash: elsewhere.hash });
    });

    expect(answer).toEqual(
      unverifiedAnswer("wrong_account", elsewhere.hash, {
        amount: 4000,
        currency: "KHR",
        paid_at: new Date(paidAtMs).toISOString(),
        from_account_id: "dara@abaa",
        to_account_id: "other_shop@aclb",
      }),
    );
    expect(lines.filter((line) => line.msg === "receipt_not_verified")).toEqual([
      {
        time: expect.any(String),
        level: "warn",
        msg: "receipt_not_verified",
        account: merchant.userId,
        mode: "live",
        hash: elsewhere.hash,
        reason: "wrong_account",
      },
    ]);
    expect(await verifiedCount()).toBe(before);
  });

  it("paid to another account in usd: the answer's currency is USD", async () => {
    const elsewhere = fake.addPayment({ toAccountId: "other_shop@aclb", amount: 1.25, currency: "usd" });
    expect(await verifyReceipt(byApi(), { hash: elsewhere.hash })).toMatchObject({
      verified: false,
      reason: "wrong_account",
      amount: 1.25,
      currency: "USD",
    });
  });

  it("Bakong's answer without a payee is wrong_account, not a verified payment", async () => {
    const hash = newHash();
    bakongFinds({ hash, currency: "USD", amount: 5 });
    expect(await verifyReceipt(byApi(), { hash })).toEqual(unverifiedAnswer("wrong_account", hash, { amount: 5, currency: "USD" }));
    expect((await rowsOf(merchant.userId)).some((row) => row.hash === hash)).toBe(false);
  });

  it("Bakong's answer without a currency, or in a currency other than USD and KHR, is currency_mismatch with currency null", async () => {
    const noCurrency = newHash();
    bakongFinds({ hash: noCurrency, toAccountId: ACCOUNT, amount: 5 });
    expect(await verifyReceipt(byApi(), { hash: noCurrency })).toEqual(
      unverifiedAnswer("currency_mismatch", noCurrency, { amount: 5, to_account_id: ACCOUNT }),
    );

    const euros = newHash();
    bakongFinds({ hash: euros, toAccountId: ACCOUNT, amount: 5, currency: "EUR" });
    expect(await verifyReceipt(byApi(), { hash: euros })).toEqual(
      unverifiedAnswer("currency_mismatch", euros, { amount: 5, to_account_id: ACCOUNT }),
    );
    const hashes = (await rowsOf(merchant.userId)).map((row) => row.hash);
    expect(hashes).not.toContain(noCurrency);
    expect(hashes).not.toContain(euros);
  });

  it("Bakong's answer without an amount is amount_mismatch, even when no amount was asked about", async () => {
    const hash = newHash();
    bakongFinds({ hash, toAccountId: ACCOUNT, currency: "KHR" });
    expect(await verifyReceipt(byApi(), { hash })).toEqual(
      unverifiedAnswer("amount_mismatch", hash, { currency: "KHR", to_account_id: ACCOUNT }),
    );
    expect((await rowsOf(merchant.userId)).some((row) => row.hash === hash)).toBe(false);
  });
});

describe("verifyReceipt: refusals and outages", () => {
  it("a merchant without a saved profile is told to save its Bakong account first; Bakong is not asked", async () => {
    const bare = await createTestMerchant(null);
    await expect(verifyReceipt(onDashboard(bare), { hash: newHash() })).rejects.toMatchObject({
      code: "merchant_not_configured",
      message:
        "Save your Bakong account ID in the dashboard (Settings → Merchant profile) before verifying receipts: it is the account payments must reach.",
    });
    expect(hashCalls()).toBe(0);
  });

  it("an amount of zero is refused as invalid input on the amount field, before Bakong is asked", async () => {
    await expect(verifyReceipt(byApi(), { hash: newHash(), amount: 0, currency: "USD" })).rejects.toMatchObject({
      name: "AppError",
      code: "invalid_input",
      message: "amount must be positive",
      field: "amount",
    });
    expect(hashCalls()).toBe(0);
  });

  it("Bakong down: bakong_unavailable, and the operator's log line names the account, the reason and the HTTP status", async () => {
    fake.failNext(CHECK_HASH, { status: 503 });
    let failure: unknown;
    const lines = await logLines(async () => {
      failure = await verifyReceipt(byApi(), { hash: newHash() }).catch((error: unknown) => error);
    });
    expect(failure).toMatchObject({ code: "bakong_unavailable" });
    expect(lines.filter((line) => line.msg === "bakong_verify_failed")).toEqual([
      {
        time: expect.any(String),
        level: "warn",
        msg: "bakong_verify_failed",
        account: merchant.userId,
        reason: "http_error",
        http_status: 503,
      },
    ]);
  });

  it("a database failure while asking is not reported as Bakong being down", async () => {
    const owner = await createTestMerchant();
    const staticQr = await createQr(owner.test, {});
    const paid = await simulatePayment(owner.test, { md5: staticQr.md5, amount: 2 });
    const db = await getDb();
    // The sandbox's ledger stands in for Bakong in test mode: without its table, the lookup fails in our own database.
    await db.execute(sql`alter table sandbox_payments rename to sandbox_payments_away`);
    let failure: unknown;
    let lines: Record<string, unknown>[];
    try {
      lines = await logLines(async () => {
        failure = await verifyReceipt({ ...owner.test, source: "api", apiKeyId: owner.testKey.id }, { hash: paid.hash }).catch(
          (error: unknown) => error,
        );
      });
    } finally {
      await db.execute(sql`alter table sandbox_payments_away rename to sandbox_payments`);
    }
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toMatchObject({ code: "bakong_unavailable" });
    expect(lines.map((line) => line.msg)).not.toContain("bakong_verify_failed");
    expect(await verifiedCount(owner.userId)).toBe(0);
  });
});
