import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { bakongState, transactions } from "@/lib/db/schema";
import { createQr } from "@/lib/payments";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { POST as checkRoute } from "@/app/api/v1/transaction/check/route";
import { POST as sandboxPayRoute } from "@/app/api/v1/sandbox/transactions/pay/route";
import { startFakeBakong } from "../fakes/fake-bakong-server";
import { call } from "../helpers/api";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";

type Fake = Awaited<ReturnType<typeof startFakeBakong>>;
let fake: Fake;
let merchant: TestMerchant;
const TOKEN = "check-test-token";

beforeAll(async () => {
  fake = await startFakeBakong();
  fake.setToken(TOKEN);
  process.env.BAKONG_API_URL = fake.url;
  process.env.BAKONG_TOKEN = TOKEN;
  process.env.BAKONG_TIMEOUT_MS = "400";
  delete process.env.BAKONG_EMAIL;
  merchant = await createTestMerchant();
});

afterAll(async () => {
  await fake.close();
});

beforeEach(async () => {
  fake.reset();
  fake.setToken(TOKEN);
  // Each test starts with Bakong's breakers closed, the call budget unspent and no poller seen.
  await (await getDb()).delete(bakongState);
});

/** Pretends the last Bakong check was long ago, instead of sleeping past the 2 s throttle. */
async function forgetLastCheck(md5: string) {
  const db = await getDb();
  await db
    .update(transactions)
    .set({ lastCheckedAt: sql`now() - interval '1 minute'` })
    .where(eq(transactions.md5, md5));
}

async function status(md5: string) {
  const db = await getDb();
  return (
    await db.select({ status: transactions.status, paidAt: transactions.paidAt }).from(transactions).where(eq(transactions.md5, md5))
  )[0];
}

async function newLiveQr(body: Record<string, unknown> = { amount: 5 }) {
  const { body: qr } = await call(createQrRoute, { key: merchant.liveKey.key, body });
  return qr as { md5: string; qr: string; expires_at: string };
}

const checks = () => fake.requests.filter((request) => request.path === "/v1/check_transaction_by_md5").length;

describe("live mode against a Bakong-speaking server", () => {
  it("pending while Bakong has not seen it, then paid with Bakong's time; paid is answered from the database", async () => {
    const qr = await newLiveQr({ amount: 5 });
    const pending = await call(checkRoute, { key: merchant.liveKey.key, body: { md5: qr.md5 } });
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ md5: qr.md5, status: "pending", bakong_response: { responseCode: 1, errorCode: 1 } });
    const paidAtMs = Date.now() - 1_000;
    fake.markPaid(qr.md5, { toAccountId: "coffee_shop@aclb", amount: 5, currency: "USD", createdDateMs: paidAtMs });
    await forgetLastCheck(qr.md5);
    const paid = await call(checkRoute, { key: merchant.liveKey.key, body: { md5: qr.md5.toUpperCase() } });
    expect(paid.body).toMatchObject({ status: "paid", bakong_response: { responseCode: 0 } });
    expect((await status(qr.md5))?.paidAt?.getTime()).toBe(paidAtMs);
    const callsSoFar = checks();
    await forgetLastCheck(qr.md5);
    expect((await call(checkRoute, { key: merchant.liveKey.key, body: { md5: qr.md5 } })).body.status).toBe("paid");
    expect(checks()).toBe(callsSoFar);
  });

  it("a payment to another account, of another amount or currency is not 'paid' but is kept", async () => {
    for (const wrong of [
      { toAccountId: "thief@aclb", amount: 5, currency: "USD" },
      { toAccountId: "coffee_shop@aclb", amount: 4.99, currency: "USD" },
      { toAccountId: "coffee_shop@aclb", amount: 5, currency: "KHR" },
    ]) {
      const qr = await newLiveQr({ amount: 5 });
      fake.markPaid(qr.md5, wrong);
      const { status: code, body } = await call(checkRoute, { key: merchant.liveKey.key, body: { md5: qr.md5 } });
      expect(code).toBe(200);
      expect(body.status).toBe("pending");
      expect(body.bakong_response).toMatchObject({ responseCode: 0, data: { toAccountId: wrong.toAccountId } });
      expect((await status(qr.md5))?.status).toBe("pending");
    }
  });

  it.each([
    ["HTTP 500", { status: 500 }],
    ["HTTP 504 busy", { status: 504 }],
    ["HTTP 403 (caller abroad)", { status: 403 }],
  ])("%s → 502 bakong_unavailable, status unchanged", async (_name, failure) => {
    const qr = await newLiveQr();
    fake.failNext("/v1/check_transaction_by_md5", failure);
    const { status: code, body } = await call(checkRoute, { key: merchant.liveKey.key, body: { md5: qr.md5 } });
    expect(code).toBe(502);
    expect(body.error).toBe("bakong_unavailable");
    expect((await status(qr.md5))?.status).toBe("pending");
    // A second caller inside the throttle window hears about the outage too, not "pending".
    const again = await call(checkRoute, { key: merchant.liveKey.key, body: { md5: qr.md5 } });
    expect(again.status).toBe(502);
  });

  it("Bakong timeout → 502 bakong_unavailable", async () => {
    const qr = await newLiveQr();
    fake.delay("/v1/check_transaction_by_md5", 1_500);
    const { status: code, body } = await call(checkRoute, { key: merchant.liveKey.key, body: { md5: qr.md5 } });
    expect(code).toBe(502);
    expect(body).toMatchObject({ error: "bakong_unavailable" });
    expect(body.message).toMatch(/timeout/);
    expect((await status(qr.md5))?.status).toBe("pending");
  });

  it("Bakong 401 with a failing token renewal → 502 bakong_unavailable", async () => {
    process.env.BAKONG_EMAIL = "ops@example.com";
    try {
      const qr = await newLiveQr();
      fake.setToken("rotated-elsewhere");
      fake.setRenewable("ops@example.com", null);
      const { status: code, body } = await call(checkRoute, { key: merchant.liveKey.key, body: { md5: qr.md5 } });
      expect(code).toBe(502);
      expect(body.error).toBe("bakong_unavailable");
      expect(fake.requests.some((request) => request.path === "/v1/renew_token")).toBe(true);
    } finally {
      delete process.env.BAKONG_EMAIL;
    }
  });

  it("asks Bakong at most once per ~2 s however many checks arrive at once", async () => {
    const qr = await newLiveQr();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call(checkRoute, { key: merchant.liveKey.key, body: { md5: qr.md5 } })),
    );
    expect(answers.every((answer) => answer.status === 200 && answer.body.status === "pending")).toBe(true);
    expect(checks()).toBe(1);
    await call(checkRoute, { key: merchant.liveKey.key, body: { md5: qr.md5 } });
    expect(checks()).toBe(1);
  });

  it("expires only after a final check past expires_at finds nothing", async () => {
    const past = new Date(Date.now() - 120_000);
    const qr = await createQr(merchant.live, { amount: 5, expires_in_seconds: 30 }, () => past);
    const { body } = await call(checkRoute, { key: merchant.liveKey.key, body: { md5: qr.md5 } });
    expect(body.status).toBe("expired");
    expect(checks()).toBe(1);
    await forgetLastCheck(qr.md5);
    expect((await call(checkRoute, { key: merchant.liveKey.key, body: { md5: qr.md5 } })).body.status).toBe("expired");
    expect(checks()).toBe(1);
  });

  it("a payment Bakong recorded before expiry, found after it, is paid", async () => {
    const createdAt = new Date(Date.now() - 120_000);
    const qr = await createQr(merchant.live, { amount: 5, expires_in_seconds: 60 }, () => createdAt);
    fake.markPaid(qr.md5, { toAccountId: "coffee_shop@aclb", amount: 5, currency: "USD", createdDateMs: createdAt.getTime() + 30_000 });
    const { body } = await call(checkRoute, { key: merchant.liveKey.key, body: { md5: qr.md5 } });
    expect(body.status).toBe("paid");
  });

  it("an outage past expiry never marks the QR expired", async () => {
    const qr = await createQr(merchant.live, { amount: 5, expires_in_seconds: 30 }, () => new Date(Date.now() - 120_000));
    fake.failNext("/v1/check_transaction_by_md5", { status: 500 });
    expect((await call(checkRoute, { key: merchant.liveKey.key, body: { md5: qr.md5 } })).status).toBe(502);
    expect((await status(qr.md5))?.status).toBe("pending");
  });

  it("no Bakong token configured → 502 saying the operator has not configured Bakong", async () => {
    const qr = await newLiveQr();
    delete process.env.BAKONG_TOKEN;
    try {
      const { status: code, body } = await call(checkRoute, { key: merchant.liveKey.key, body: { md5: qr.md5 } });
      expect(code).toBe(502);
      expect(body.error).toBe("bakong_unavailable");
      expect(body.message).toMatch(/BAKONG_TOKEN|not configured/i);
      expect(fake.requests).toHaveLength(0);
    } finally {
      process.env.BAKONG_TOKEN = TOKEN;
    }
  });
});

describe("ownership and modes", () => {
  it("another account's md5, another mode's md5 and an unknown md5 are 404 not_found", async () => {
    const qr = await newLiveQr();
    const other = await createTestMerchant();
    for (const [key, md5] of [
      [other.liveKey.key, qr.md5],
      [merchant.testKey.key, qr.md5],
      [merchant.liveKey.key, "0".repeat(32)],
    ] as const) {
      const { status: code, body } = await call(checkRoute, { key, body: { md5 } });
      expect(code).toBe(404);
      expect(body.error).toBe("not_found");
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("rejects a malformed md5", async () => {
    for (const body of [{}, { md5: "xyz" }, { md5: 42 }]) {
      const answer = await call(checkRoute, { key: merchant.liveKey.key, body });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toBe("invalid_input");
    }
  });
});

describe("sandbox (test keys)", () => {
  it("a simulated payment is reported paid by the next check, without calling Bakong", async () => {
    const { body: qr } = await call(createQrRoute, { key: merchant.testKey.key, body: { amount: 12.5 } });
    const first = await call(checkRoute, { key: merchant.testKey.key, body: { md5: qr.md5 } });
    expect(first.body).toMatchObject({ status: "pending", bakong_response: { responseCode: 1, errorCode: 1 } });
    const pay = await call(sandboxPayRoute, { key: merchant.testKey.key, body: { md5: qr.md5 } });
    expect(pay.status).toBe(200);
    expect(pay.body).toMatchObject({ md5: qr.md5, simulated: true });
    await forgetLastCheck(qr.md5 as string);
    const paid = await call(checkRoute, { key: merchant.testKey.key, body: { md5: qr.md5 } });
    expect(paid.body).toMatchObject({
      status: "paid",
      bakong_response: { responseCode: 0, data: { amount: 12.5, currency: "USD", toAccountId: "coffee_shop@aclb" } },
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("a live key may not simulate payments: 403 forbidden, nothing written", async () => {
    const qr = await newLiveQr();
    const { status: code, body } = await call(sandboxPayRoute, { key: merchant.liveKey.key, body: { md5: qr.md5 } });
    expect(code).toBe(403);
    expect(body.error).toBe("forbidden");
    await forgetLastCheck(qr.md5);
    expect((await call(checkRoute, { key: merchant.liveKey.key, body: { md5: qr.md5 } })).body.status).toBe("pending");
  });
});
