import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { BakongTransaction } from "@/lib/bakong";
import { getDb } from "@/lib/db";
import { transactionEvents, type Transaction } from "@/lib/db/schema";
import { createQr, onTransactionPaid, settleWithBakongResult } from "@/lib/payments";
import { recordCheckError } from "@/lib/payments/bakong-outage";
import { logLines } from "../helpers/log-lines";
import { createTestMerchant, DEFAULT_PROFILE } from "../helpers/merchant";
import { deliveriesOf, transactionByMd5 } from "../webhooks/fixtures";

async function eventsOf(transactionId: string) {
  const db = await getDb();
  return db
    .select()
    .from(transactionEvents)
    .where(eq(transactionEvents.transactionId, transactionId))
    .orderBy(asc(transactionEvents.createdAt));
}

async function pendingQr(
  options: { amount?: number; bakongAccountId?: string; createdAt?: Date; expiresInSeconds?: number } = {},
): Promise<Transaction> {
  const merchant = await createTestMerchant({
    ...DEFAULT_PROFILE,
    bakongAccountId: options.bakongAccountId ?? DEFAULT_PROFILE.bakongAccountId,
  });
  const createdAt = options.createdAt ?? new Date();
  const qr = await createQr(
    merchant.live,
    {
      amount: options.amount ?? 5,
      currency: "USD",
      bill_number: `INV-${randomBytes(4).toString("hex")}`,
      expires_in_seconds: options.expiresInSeconds ?? 900,
    },
    () => createdAt,
  );
  return transactionByMd5(qr.md5);
}

const found = (transaction: Partial<BakongTransaction>) => ({
  status: "found" as const,
  transaction: { hash: randomBytes(32).toString("hex"), ...transaction },
  raw: { responseCode: 0, data: transaction },
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("what counts as paid", () => {
  it("account ids compare without case and a lowercase currency is the same currency", async () => {
    const pending = await pendingQr({ bakongAccountId: "Coffee_Shop@ACLB" });
    const paid = await settleWithBakongResult(
      pending,
      found({ toAccountId: "coffee_shop@aclb", amount: 5, currency: "usd", createdDateMs: Date.now() }),
    );
    expect(paid.status).toBe("paid");

    const other = await pendingQr();
    expect(
      (
        await settleWithBakongResult(
          other,
          found({ toAccountId: "COFFEE_SHOP@ACLB", amount: 5, currency: "USD", createdDateMs: Date.now() }),
        )
      ).status,
    ).toBe("paid");
  });

  it("an answer without account or currency is judged on what it has: the amount", async () => {
    const pending = await pendingQr();
    expect((await settleWithBakongResult(pending, found({ amount: 5, createdDateMs: Date.now() }))).status).toBe("paid");
  });

  it("an answer without an amount never pays a QR that has one; the problem is recorded for the merchant", async () => {
    const pending = await pendingQr();
    const lines = await logLines(() => settleWithBakongResult(pending, found({ toAccountId: "coffee_shop@aclb", currency: "USD" })));
    const row = await transactionByMd5(pending.md5);
    expect(row.status).toBe("pending");
    expect((await eventsOf(pending.id)).map((e) => [e.kind, e.detail])).toEqual([
      ["created", expect.anything()],
      ["amount_mismatch", { problem: "Bakong's answer has no amount; expected 5.00" }],
    ]);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: "warn",
        msg: "bakong_payment_mismatch",
        transaction_id: pending.id,
        md5: pending.md5,
        problem: "Bakong's answer has no amount; expected 5.00",
      }),
    );
    expect(await deliveriesOf(pending.id)).toHaveLength(0);
  });

  it.each([
    ["another account", { toAccountId: "thief@aclb", amount: 5, currency: "USD" }, "toAccountId thief@aclb is not coffee_shop@aclb"],
    ["another currency", { toAccountId: "coffee_shop@aclb", amount: 5, currency: "KHR" }, "currency KHR is not USD"],
    ["another amount", { toAccountId: "coffee_shop@aclb", amount: 4.99, currency: "USD" }, "amount 4.99 is not 5.00"],
  ])("%s: stays pending, and the event says what did not match", async (_name, answer, problem) => {
    const pending = await pendingQr();
    const row = await settleWithBakongResult(pending, found({ ...answer, createdDateMs: Date.now() }));
    expect(row.status).toBe("pending");
    expect((await eventsOf(pending.id)).find((e) => e.kind === "amount_mismatch")?.detail).toEqual({ problem });
  });
});

describe("when it was paid", () => {
  it("paid_at is Bakong's createdDateMs, else its acknowledgedDateMs, else the time of the check", async () => {
    const created = new Date(Date.now() - 5_000);
    const acknowledged = new Date(Date.now() - 4_000);
    const checkedAt = new Date(Date.now() - 1_000);
    const base = { toAccountId: "coffee_shop@aclb", amount: 5, currency: "USD" };

    const first = await settleWithBakongResult(
      await pendingQr(),
      found({ ...base, createdDateMs: created.getTime(), acknowledgedDateMs: acknowledged.getTime() }),
      checkedAt,
    );
    const second = await settleWithBakongResult(
      await pendingQr(),
      found({ ...base, acknowledgedDateMs: acknowledged.getTime() }),
      checkedAt,
    );
    const third = await settleWithBakongResult(await pendingQr(), found(base), checkedAt);

    expect([first.paidAt, second.paidAt, third.paidAt]).toEqual([created, acknowledged, checkedAt]);
  });

  it("the paid event keeps Bakong's hash and the payment time, for the dashboard's timeline", async () => {
    const pending = await pendingQr();
    const paidAt = new Date(Date.now() - 2_000);
    const answer = found({ toAccountId: "coffee_shop@aclb", amount: 5, currency: "USD", createdDateMs: paidAt.getTime() });
    await settleWithBakongResult(pending, answer);
    const paid = (await eventsOf(pending.id)).find((e) => e.kind === "paid");
    expect(paid?.detail).toEqual({ hash: answer.transaction.hash, paid_at: paidAt.toISOString() });
  });

  it("a payment Bakong recorded after the QR expired is still paid, marked paid_after_expiry and logged for the operator", async () => {
    const createdAt = new Date(Date.now() - 120_000);
    const pending = await pendingQr({ createdAt, expiresInSeconds: 60 });
    const paidAt = new Date(createdAt.getTime() + 61_000);

    const lines = await logLines(() =>
      settleWithBakongResult(
        pending,
        found({ toAccountId: "coffee_shop@aclb", amount: 5, currency: "USD", createdDateMs: paidAt.getTime() }),
      ),
    );

    expect(await transactionByMd5(pending.md5)).toMatchObject({ status: "paid", paidAt });
    expect((await eventsOf(pending.id)).map((e) => e.kind)).toEqual(["created", "paid_after_expiry"]);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: "warn",
        msg: "payment_after_expiry",
        transaction_id: pending.id,
        md5: pending.md5,
        paid_at: paidAt.toISOString(),
      }),
    );
  });

  it("paid exactly at expiry is an ordinary payment: no late event, no warning", async () => {
    const createdAt = new Date(Date.now() - 120_000);
    const pending = await pendingQr({ createdAt, expiresInSeconds: 60 });
    const lines = await logLines(() =>
      settleWithBakongResult(
        pending,
        found({ toAccountId: "coffee_shop@aclb", amount: 5, currency: "USD", createdDateMs: pending.expiresAt!.getTime() }),
      ),
    );
    expect((await eventsOf(pending.id)).map((e) => e.kind)).toEqual(["created", "paid"]);
    expect(lines.filter((line) => line.msg === "payment_after_expiry")).toEqual([]);
  });
});

describe("listeners (the in-process webhook sender wakes on a payment)", () => {
  it("hear each payment once, with the paid row, and stop hearing once unsubscribed", async () => {
    const heard: Transaction[] = [];
    const unsubscribe = onTransactionPaid((row) => heard.push(row));
    const pending = await pendingQr();
    const answer = found({ toAccountId: "coffee_shop@aclb", amount: 5, currency: "USD", createdDateMs: Date.now() });
    await settleWithBakongResult(pending, answer);
    await settleWithBakongResult(pending, answer);
    expect(heard.map((row) => [row.id, row.status])).toEqual([[pending.id, "paid"]]);

    unsubscribe();
    await settleWithBakongResult(await pendingQr(), answer);
    expect(heard).toHaveLength(1);
  });
});

describe("an answer that is not a payment", () => {
  it("before expiry: stays pending, the next check is scheduled, no event", async () => {
    const now = new Date();
    const pending = await pendingQr({ createdAt: now });
    const row = await settleWithBakongResult(pending, { status: "not_found", raw: { responseCode: 1 } }, new Date(now.getTime() + 1_000));
    expect(row.status).toBe("pending");
    // Three seconds after this answer (a QR in its first two minutes), not three after creation.
    expect(row.nextCheckAt).toEqual(new Date(now.getTime() + 4_000));
    expect(row.bakongResponse).toEqual({ responseCode: 1 });
    expect((await eventsOf(pending.id)).map((e) => e.kind)).toEqual(["created"]);
  });

  it("at a check exactly at expires_at: not yet expired, the final check comes after", async () => {
    const createdAt = new Date(Date.now() - 120_000);
    const pending = await pendingQr({ createdAt, expiresInSeconds: 60 });
    const row = await settleWithBakongResult(pending, { status: "not_found", raw: { responseCode: 1 } }, pending.expiresAt!);
    expect(row.status).toBe("pending");
    expect((await eventsOf(pending.id)).map((e) => e.kind)).toEqual(["created"]);
  });

  it("at a check after expiry: expired, with an expired event and no further checks; a later answer changes nothing", async () => {
    const createdAt = new Date(Date.now() - 120_000);
    const pending = await pendingQr({ createdAt, expiresInSeconds: 60 });
    const row = await settleWithBakongResult(
      pending,
      { status: "not_found", raw: { responseCode: 1 } },
      new Date(pending.expiresAt!.getTime() + 1),
    );
    expect(row).toMatchObject({ status: "expired", nextCheckAt: null });
    expect((await eventsOf(pending.id)).map((e) => e.kind)).toEqual(["created", "expired"]);

    const again = await settleWithBakongResult(pending, { status: "not_found", raw: { responseCode: 1 } });
    expect(again.status).toBe("expired");
    expect((await eventsOf(pending.id)).map((e) => e.kind)).toEqual(["created", "expired"]);
  });
});

describe("recordCheckError (Bakong could not answer)", () => {
  it("keeps the status, remembers why, and moves the next check when told when", async () => {
    const pending = await pendingQr();
    const retryAt = new Date(Date.now() + 30_000);
    await recordCheckError([pending], "Bakong did not answer within 15000 ms.", retryAt);
    expect(await transactionByMd5(pending.md5)).toMatchObject({
      status: "pending",
      lastCheckError: "Bakong did not answer within 15000 ms.",
      nextCheckAt: retryAt,
    });

    await recordCheckError([pending], "Bakong answered HTTP 500.", null);
    expect(await transactionByMd5(pending.md5)).toMatchObject({
      status: "pending",
      lastCheckError: "Bakong answered HTTP 500.",
      nextCheckAt: retryAt,
    });
  });
});
