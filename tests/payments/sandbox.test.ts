import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { sandboxPayments, transactions } from "@/lib/db/schema";
import { createQr } from "@/lib/payments";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { POST as checkRoute } from "@/app/api/v1/transaction/check/route";
import { POST as sandboxPayRoute } from "@/app/api/v1/sandbox/transactions/pay/route";
import { call } from "../helpers/api";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";

let merchant: TestMerchant;

beforeAll(async () => {
  merchant = await createTestMerchant();
});

const pay = (body: unknown, key = merchant.testKey.key) => call(sandboxPayRoute, { key, body });

async function sandboxRows(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(sandboxPayments).where(eq(sandboxPayments.userId, merchant.userId));
  return row?.n ?? 0;
}

describe("POST /sandbox/transactions/pay", () => {
  it("pays a dynamic QR once: paying it again answers the original paid_at and hash", async () => {
    const qr = (await call(createQrRoute, { key: merchant.testKey.key, body: { amount: 5 } })).body;
    const first = await pay({ md5: qr.md5 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ md5: qr.md5, type: "dynamic", simulated: true, amount: 5, currency: "USD" });
    expect((await call(checkRoute, { key: merchant.testKey.key, body: { md5: qr.md5 } })).body.status).toBe("paid");
    const again = await pay({ md5: qr.md5 });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it("an expired QR → 409 conflict, nothing recorded, and it stays expired", async () => {
    const qr = await createQr(merchant.test, { amount: 5, expires_in_seconds: 30 }, () => new Date(Date.now() - 120_000));
    const before = await sandboxRows();
    const beforeExpiry = await pay({ md5: qr.md5 });
    expect(beforeExpiry.status).toBe(409);
    expect(beforeExpiry.body.error).toBe("conflict");
    expect(beforeExpiry.body.message).toMatch(/expired .* stays expired/);
    expect((await call(checkRoute, { key: merchant.testKey.key, body: { md5: qr.md5 } })).body.status).toBe("expired");
    const afterExpiry = await pay({ md5: qr.md5 });
    expect(afterExpiry.status).toBe(409);
    expect(await sandboxRows()).toBe(before);
    const db = await getDb();
    expect((await db.select({ status: transactions.status }).from(transactions).where(eq(transactions.md5, qr.md5)))[0]?.status).toBe(
      "expired",
    );
  });

  it("a static QR takes the customer's amount: each payment is a new receipt, and the QR stays static", async () => {
    const qr = (await call(createQrRoute, { key: merchant.testKey.key, body: { currency: "KHR" } })).body;
    const first = await pay({ md5: qr.md5, amount: "4000" });
    const second = await pay({ md5: qr.md5, amount: 4000 });
    expect(first.body).toMatchObject({ type: "static", amount: 4000, currency: "KHR" });
    expect(first.body.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(second.body.hash).not.toBe(first.body.hash);
    expect((await call(checkRoute, { key: merchant.testKey.key, body: { md5: qr.md5 } })).body.status).toBe("static");
  });

  it.each([
    ["a static QR without amount", {}, "amount is required to pay a static QR"],
    ["a KHR static QR with a fraction", { amount: 1.5 }, "KHR"],
  ])("%s → 400 invalid_input, nothing recorded", async (_, extra, message) => {
    const qr = (await call(createQrRoute, { key: merchant.testKey.key, body: { currency: "KHR" } })).body;
    const before = await sandboxRows();
    const answer = await pay({ md5: qr.md5, ...extra });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe("invalid_input");
    expect(answer.body.message).toContain(message);
    expect(await sandboxRows()).toBe(before);
  });

  it("an amount for a dynamic QR → 400 invalid_input, nothing recorded", async () => {
    const qr = (await call(createQrRoute, { key: merchant.testKey.key, body: { amount: 5 } })).body;
    const before = await sandboxRows();
    const answer = await pay({ md5: qr.md5, amount: 5 });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe("amount is for static QRs only: a dynamic QR is paid for exactly its own amount.");
    expect(await sandboxRows()).toBe(before);
  });

  it("a live key → 403 forbidden", async () => {
    const qr = (await call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 5 } })).body;
    const answer = await pay({ md5: qr.md5 }, merchant.liveKey.key);
    expect(answer.status).toBe(403);
    expect(answer.body.error).toBe("forbidden");
  });
});
