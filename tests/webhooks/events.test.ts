import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { checkTransaction, createQr, simulatePayment, verifyReceipt } from "@/lib/payments";
import { createWebhookEndpoint, eventIdOf, transactionEventBody } from "@/lib/webhooks";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";
import { transactionByMd5 } from "./fixtures";

async function deliveriesTo(endpointId: string) {
  const db = await getDb();
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
}

const URL = "https://hooks.example.com/khqr";

async function endpoints(merchant: TestMerchant) {
  const paidOnly = await createWebhookEndpoint(merchant.userId, { url: `${URL}/paid`, mode: "test" });
  const everything = await createWebhookEndpoint(merchant.userId, {
    url: `${URL}/all`,
    mode: "test",
    events: ["transaction.paid", "transaction.expired", "transaction.verified"],
  });
  return { paidOnly, everything };
}

describe("webhook events endpoints choose", () => {
  it("new endpoints receive transaction.paid only; transaction.expired goes to those that chose it, with order_id, mode and type", async () => {
    const merchant = await createTestMerchant();
    const { paidOnly, everything } = await endpoints(merchant);
    expect(paidOnly.events).toEqual(["transaction.paid"]);
    const qr = await createQr(
      merchant.test,
      { amount: 5, expires_in_seconds: 30, order_id: "ORDER-EXP" },
      () => new Date(Date.now() - 120_000),
    );

    expect((await checkTransaction(merchant.test, qr.md5)).status).toBe("expired");

    expect(await deliveriesTo(paidOnly.id)).toEqual([]);
    const [expired] = await deliveriesTo(everything.id);
    expect(expired?.event).toBe("transaction.expired");
    expect(JSON.parse(expired!.body)).toMatchObject({
      id: expect.stringMatching(/^evt_[0-9a-f]{32}$/),
      event: "transaction.expired",
      mode: "test",
      type: "dynamic",
      md5: qr.md5,
      paid_at: null,
      order_id: "ORDER-EXP",
      external_order_id: "ORDER-EXP",
    });
  });

  it("one event has one id across all its endpoints", async () => {
    const merchant = await createTestMerchant();
    const { paidOnly, everything } = await endpoints(merchant);
    const qr = await createQr(merchant.test, { amount: 5 });
    await simulatePayment(merchant.test, { md5: qr.md5 });
    expect((await checkTransaction(merchant.test, qr.md5)).status).toBe("paid");
    const [toPaidOnly] = await deliveriesTo(paidOnly.id);
    const [toEverything] = await deliveriesTo(everything.id);
    expect(toPaidOnly?.body).toBe(toEverything?.body);
    expect(toPaidOnly?.id).not.toBe(toEverything?.id);
  });

  it("transaction.verified goes out on the first verification of a receipt, not on the second showing", async () => {
    const merchant = await createTestMerchant();
    const { paidOnly, everything } = await endpoints(merchant);
    const staticQr = await createQr(merchant.test, {});
    const paid = await simulatePayment(merchant.test, { md5: staticQr.md5, amount: 2 });
    const verifier = { ...merchant.test, source: "dashboard" as const, apiKeyId: null };

    expect(await verifyReceipt(verifier, { hash: paid.hash })).toMatchObject({ verified: true, already_verified: false });
    expect(await verifyReceipt(verifier, { hash: paid.hash })).toMatchObject({ verified: true, already_verified: true });

    expect(await deliveriesTo(paidOnly.id)).toEqual([]);
    const verified = await deliveriesTo(everything.id);
    expect(verified.map((delivery) => delivery.event)).toEqual(["transaction.verified"]);
    expect(JSON.parse(verified[0]!.body)).toMatchObject({
      event: "transaction.verified",
      mode: "test",
      hash: paid.hash,
      amount: 2,
      currency: "USD",
      static_qr_md5: staticQr.md5,
    });
  });

  it("an endpoint with no events is refused, and nothing is written", async () => {
    const merchant = await createTestMerchant();
    await expect(createWebhookEndpoint(merchant.userId, { url: URL, mode: "test", events: [] })).rejects.toMatchObject({
      code: "invalid_input",
      message: "Choose at least one event to receive.",
      field: "events",
    });
    const db = await getDb();
    const [row] = await db.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.userId, merchant.userId));
    expect(row?.n).toBe(0);
  });

  it("a static QR's event body says type static and amount null (the payer chose the amount)", async () => {
    const merchant = await createTestMerchant();
    const staticQr = await createQr(merchant.test, {});
    const row = await transactionByMd5(staticQr.md5);

    expect(JSON.parse(transactionEventBody("evt_static", "transaction.expired", row))).toMatchObject({
      id: "evt_static",
      event: "transaction.expired",
      type: "static",
      md5: staticQr.md5,
      amount: null,
      paid_at: null,
    });
  });

  it("the event id is read back from a stored body; bodies without one (older, or not JSON) have none", () => {
    expect(eventIdOf(JSON.stringify({ id: "evt_0123", event: "transaction.paid" }))).toBe("evt_0123");
    expect(eventIdOf(JSON.stringify({ event: "transaction.paid" }))).toBeNull();
    expect(eventIdOf(JSON.stringify({ id: 42 }))).toBeNull();
    expect(eventIdOf("not json")).toBeNull();
  });
});
