import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { transactionEvents, type Transaction } from "@/lib/db/schema";
import { createQr, settleWithBakongResult } from "@/lib/payments";
import { createWebhookEndpoint, setWebhookEndpointEnabled } from "@/lib/webhooks";
import { bakongFound } from "../helpers/bakong-answers";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";
import { deliveriesOf, transactionByMd5 } from "../webhooks/fixtures";

async function eventsOfKind(transactionId: string, kind: "paid" | "paid_after_expiry") {
  const db = await getDb();
  return db
    .select()
    .from(transactionEvents)
    .where(and(eq(transactionEvents.transactionId, transactionId), eq(transactionEvents.kind, kind)));
}

/** A merchant with two enabled test-mode endpoints and one disabled one, and a new pending $5 QR. */
async function pendingQrWithEndpoints(): Promise<{ merchant: TestMerchant; pending: Transaction; enabledEndpointIds: string[] }> {
  const merchant = await createTestMerchant();
  const first = await createWebhookEndpoint(merchant.userId, { url: "https://shop.example.com/hooks/a", mode: "test" });
  const second = await createWebhookEndpoint(merchant.userId, { url: "https://shop.example.com/hooks/b", mode: "test" });
  const disabled = await createWebhookEndpoint(merchant.userId, { url: "https://shop.example.com/hooks/c", mode: "test" });
  await setWebhookEndpointEnabled(merchant.userId, disabled.id, false);
  const qr = await createQr(merchant.test, { amount: 5, currency: "USD", bill_number: `INV-${randomBytes(4).toString("hex")}` });
  return { merchant, pending: await transactionByMd5(qr.md5), enabledEndpointIds: [first.id, second.id].sort() };
}

describe("settling one payment twice (the merchant's /check and the poller got the same Bakong answer)", () => {
  it("one after the other: the second settle changes nothing, one paid event and one delivery per enabled endpoint", async () => {
    const { pending, enabledEndpointIds } = await pendingQrWithEndpoints();
    const now = new Date();
    const answer = bakongFound(pending, now);

    const first = await settleWithBakongResult(pending, answer, now);
    // The second caller still holds the row it read while the payment was pending.
    const second = await settleWithBakongResult(
      pending,
      bakongFound(pending, new Date(now.getTime() + 1_000)),
      new Date(now.getTime() + 1_000),
    );

    expect(first.status).toBe("paid");
    expect(second).toMatchObject({ id: pending.id, status: "paid", bakongHash: first.bakongHash });
    expect(second.paidAt?.toISOString()).toBe(now.toISOString());
    expect(await eventsOfKind(pending.id, "paid")).toHaveLength(1);
    const deliveries = await deliveriesOf(pending.id);
    expect(deliveries.map((d) => d.endpointId).sort()).toEqual(enabledEndpointIds);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "at the same moment (PostgreSQL only: PGlite is a single connection): exactly one settles it",
    async () => {
      // Several payments, each settled by four callers at once, so the race is really run (pool of 5 connections).
      const setups = await Promise.all(Array.from({ length: 5 }, () => pendingQrWithEndpoints()));
      const now = new Date();

      const results = await Promise.all(
        setups.flatMap(({ pending }) => Array.from({ length: 4 }, () => settleWithBakongResult(pending, bakongFound(pending, now), now))),
      );

      expect(results.every((row) => row.status === "paid")).toBe(true);
      for (const { pending, enabledEndpointIds } of setups) {
        const winners = results.filter((row) => row.id === pending.id);
        // Every caller reports the one stored outcome: the hash of whichever answer won.
        expect(new Set(winners.map((row) => row.bakongHash)).size).toBe(1);
        expect(await eventsOfKind(pending.id, "paid")).toHaveLength(1);
        const deliveries = await deliveriesOf(pending.id);
        expect(deliveries.map((d) => d.endpointId).sort()).toEqual(enabledEndpointIds);
      }
    },
    60_000,
  );
});
