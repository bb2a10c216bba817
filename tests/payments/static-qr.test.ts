import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { transactions } from "@/lib/db/schema";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { POST as byOrderRoute } from "@/app/api/v1/transaction/by-order/route";
import { POST as checkRoute } from "@/app/api/v1/transaction/check/route";
import { pollDueTransactions } from "@/lib/payments";
import { getPublicPayment } from "@/lib/dashboard/public-payment";
import { startFakeBakong, type FakeBakong } from "../fakes/fake-bakong-server";
import { call } from "../helpers/api";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";

let fake: FakeBakong;
let merchant: TestMerchant;
const TOKEN = "static-test-token";

beforeAll(async () => {
  fake = await startFakeBakong();
  process.env.BAKONG_API_URL = fake.url;
  process.env.BAKONG_TOKEN = TOKEN;
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

describe("a static QR tells the truth everywhere", () => {
  it('is type "static" with status "static" on create, check, by-order and the pay page, and Bakong is never asked by md5', async () => {
    const created = await call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 0, order_id: "STALL-1" } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ type: "static", status: "static", amount: null, expires_at: null });
    const md5 = created.body.md5 as string;

    // Even when Bakong would report the md5 as paid, a static QR is not "paid": Bakong cannot tell which payment.
    fake.markPaid(md5, { toAccountId: "coffee_shop@aclb", amount: 1, currency: "USD" });
    const checked = await call(checkRoute, { key: merchant.liveKey.key, body: { md5 } });
    expect(checked.body).toMatchObject({ md5, type: "static", status: "static", bakong_response: null });
    expect((await call(byOrderRoute, { key: merchant.liveKey.key, body: { order_id: "STALL-1" } })).body).toMatchObject({
      type: "static",
      status: "static",
    });
    await pollDueTransactions({ now: new Date(Date.now() + 3_600_000) });
    expect(fake.requests.filter((request) => request.path.includes("md5"))).toEqual([]);
    const publicId = new URL(created.body.pay_url as string).pathname.split("/").pop()!;
    expect((await getPublicPayment(publicId))?.status.status).toBe("static");
  });

  it("dynamic QRs are unchanged: type dynamic, pending", async () => {
    const created = await call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 5 } });
    expect(created.body).toMatchObject({ type: "dynamic", status: "pending" });
  });

  it("the database refuses a static QR in any other status, and a dynamic one as static", async () => {
    const created = await call(createQrRoute, { key: merchant.liveKey.key, body: {} });
    const db = await getDb();
    await expect(
      db
        .update(transactions)
        .set({ status: "paid" })
        .where(eq(transactions.md5, created.body.md5 as string)),
    ).rejects.toThrow();
    const dynamic = await call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 1 } });
    await expect(
      db
        .update(transactions)
        .set({ status: "static" })
        .where(eq(transactions.md5, dynamic.body.md5 as string)),
    ).rejects.toThrow();
  });
});
