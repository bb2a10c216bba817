import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { transactionEvents, transactions, type Transaction } from "@/lib/db/schema";
import { MD5_LIST_MAX } from "@/lib/bakong";
import { pollDueTransactions } from "@/lib/payments";
import { OUTAGE_BACKOFF_MS } from "@/lib/payments/bakong-outage";
import { claimDueTransactions, POLL_LEASE_MS } from "@/lib/payments/claim-due";
import { createQr, simulatePayment } from "@/lib/payments";
import { insertPendingTransactions } from "./pending-transactions";
import { pollingFixture } from "./polling-fixture";

const LIST = "/v1/check_transaction_by_md5_list";
const SINGLE = "/v1/check_transaction_by_md5";
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

const polling = pollingFixture();

async function reload(id: string): Promise<Transaction> {
  const db = await getDb();
  const [row] = await db.select().from(transactions).where(eq(transactions.id, id));
  return row!;
}

async function liveQr(createdAt: Date, expiresInSeconds = 900): Promise<Transaction> {
  // A bill number of its own keeps QRs made at one instant distinct, so each keeps exactly that creation time.
  const qr = await createQr(
    polling.merchant.live,
    { amount: 5, currency: "USD", bill_number: randomUUID().slice(0, 25), expires_in_seconds: expiresInSeconds },
    () => createdAt,
  );
  const db = await getDb();
  const [row] = await db.select().from(transactions).where(eq(transactions.md5, qr.md5));
  return row!;
}

const listCalls = () => polling.fake.requests.filter((r) => r.path === LIST).length;

describe("pollDueTransactions", () => {
  it("checks only what is due, marks paid what Bakong found, and reschedules the rest", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const paid = await liveQr(t0);
    const unpaid = await liveQr(t0);
    polling.fake.markPaid(paid.md5, { toAccountId: paid.toAccountId, amount: 5, currency: "USD", createdDateMs: t0.getTime() + 2_000 });

    expect(await pollDueTransactions({ now: at(t0, 2_000) })).toMatchObject({ claimed: 0 });
    const summary = await pollDueTransactions({ now: at(t0, 3_100) });

    expect(summary).toMatchObject({ claimed: 2, listCalls: 1, paid: 1, stillPending: 1, deferred: 0 });
    expect(listCalls()).toBe(1);
    expect(await reload(paid.id)).toMatchObject({ status: "paid", paidAt: at(t0, 2_000), nextCheckAt: null });
    const rescheduled = await reload(unpaid.id);
    expect(rescheduled).toMatchObject({ status: "pending", checkCount: 1, nextCheckAt: at(t0, 6_100) });
  });

  it("never polls a static QR", async () => {
    const t0 = new Date();
    const staticQr = await createQr(polling.merchant.live, { currency: "USD" }, () => t0);
    expect(await pollDueTransactions({ now: at(t0, 86_400_000) })).toMatchObject({ claimed: 0 });
    expect(polling.fake.requests.filter((r) => JSON.stringify(r.body).includes(staticQr.md5))).toEqual([]);
  });

  it("Bakong outage: status unchanged, next check backed off (Retry-After respected), polling resumes and marks paid", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const row = await liveQr(t0);
    // The list call fails, so does the single-check fallback: Bakong is down.
    polling.fake.failNext(LIST, { status: 503, retryAfter: 20 });
    polling.fake.failNext(SINGLE, { status: 503, retryAfter: 20 });

    const failed = await pollDueTransactions({ now: at(t0, 3_000) });

    expect(failed).toMatchObject({ claimed: 1, deferred: 1, paid: 0, stillPending: 0 });
    const deferred = await reload(row.id);
    expect(deferred).toMatchObject({ status: "pending", nextCheckAt: at(t0, 23_000) });
    expect(deferred.lastCheckError).toMatch(/Bakong did not answer \(http_error 503\)/);
    const db = await getDb();
    expect((await db.select().from(transactionEvents).where(eq(transactionEvents.transactionId, row.id))).map((e) => e.kind)).toEqual([
      "created",
    ]);

    expect(await pollDueTransactions({ now: at(t0, 10_000) })).toMatchObject({ claimed: 0 });
    polling.fake.markPaid(row.md5, { toAccountId: row.toAccountId, amount: 5, currency: "USD", createdDateMs: t0.getTime() + 15_000 });
    expect(await pollDueTransactions({ now: at(t0, 23_000) })).toMatchObject({ claimed: 1, paid: 1 });
    expect(await reload(row.id)).toMatchObject({ status: "paid", lastCheckError: null });
  });

  it("an outage without Retry-After backs off by the default, and stops asking for the rest of the mode's batches", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const rows = await insertPendingTransactions({ userId: polling.merchant.userId, mode: "live", count: 6 * MD5_LIST_MAX, createdAt: t0 });
    polling.fake.failNext(LIST, { status: 500, times: 100 });
    polling.fake.failNext(SINGLE, { status: 500, times: 100 });

    const summary = await pollDueTransactions({ now: at(t0, 3_000) });

    expect(summary).toMatchObject({ claimed: 300, deferred: 300 });
    // The 4 batches already in flight when the first failure came back each asked; the other 2 did not.
    expect(listCalls()).toBeLessThanOrEqual(4);
    for (const row of [rows[0]!, rows[299]!]) {
      expect(await reload(row.id)).toMatchObject({ status: "pending", nextCheckAt: at(t0, 3_000 + OUTAGE_BACKOFF_MS) });
    }
  });

  it("a QR paid before its expiry but checked after it is paid (Bakong createdDateMs ≤ expires_at)", async () => {
    const t0 = new Date(Date.now() - 120_000);
    const row = await liveQr(t0, 30);
    expect(await pollDueTransactions({ now: at(t0, 3_000) })).toMatchObject({ stillPending: 1 });
    polling.fake.markPaid(row.md5, { toAccountId: row.toAccountId, amount: 5, currency: "USD", createdDateMs: t0.getTime() + 29_000 });

    // Bakong was unreachable until after expiry; the final check then finds the payment.
    expect(await pollDueTransactions({ now: at(t0, 45_000) })).toMatchObject({ claimed: 1, paid: 1, expired: 0 });
    const settled = await reload(row.id);
    expect(settled).toMatchObject({ status: "paid", paidAt: at(t0, 29_000) });
    expect(settled.paidAt!.getTime()).toBeLessThanOrEqual(settled.expiresAt!.getTime());
  });

  it("a QR still unpaid at its final check after expiry is expired", async () => {
    const t0 = new Date(Date.now() - 120_000);
    const row = await liveQr(t0, 30);
    expect(await pollDueTransactions({ now: at(t0, 3_000) })).toMatchObject({ stillPending: 1 });
    expect(await pollDueTransactions({ now: at(t0, 31_000) })).toMatchObject({ claimed: 1, expired: 1 });
    expect(await reload(row.id)).toMatchObject({ status: "expired", nextCheckAt: null });
    expect(await pollDueTransactions({ now: at(t0, 86_400_000) })).toMatchObject({ claimed: 0 });
  });

  it("test-mode QRs are checked against the sandbox: Simulate payment is picked up without any Bakong call", async () => {
    const t0 = new Date(Date.now() - 10_000);
    const qr = await createQr(polling.merchant.test, { amount: 5, currency: "USD" }, () => t0);
    await simulatePayment(polling.merchant.test, { md5: qr.md5 }, at(t0, 1_000));
    expect(await pollDueTransactions({ now: at(t0, 3_000) })).toMatchObject({ claimed: 1, paid: 1 });
    expect(polling.fake.requests).toEqual([]);
  });

  it("a claim is a lease: a second poller at the same moment gets nothing, and after the lease it is due again", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const [row] = await insertPendingTransactions({ userId: polling.merchant.userId, mode: "live", count: 1, createdAt: t0 });
    expect(await claimDueTransactions({ now: at(t0, 3_000), limit: 10, mode: "live" })).toHaveLength(1);
    // That poller "died" here.
    expect(await pollDueTransactions({ now: at(t0, 3_000) })).toMatchObject({ claimed: 0 });
    expect(await pollDueTransactions({ now: at(t0, 3_000 + POLL_LEASE_MS) })).toMatchObject({ claimed: 1, stillPending: 1 });
    expect(await reload(row!.id)).toMatchObject({ checkCount: 2 });
  });

  it("the lease is its own column: a claim leaves next_check_at (what the due index orders) as it was, and an answer ends the lease", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const [row] = await insertPendingTransactions({ userId: polling.merchant.userId, mode: "live", count: 1, createdAt: t0 });
    const [claimed] = await claimDueTransactions({ now: at(t0, 3_500), limit: 10, mode: "live" });
    expect(claimed).toMatchObject({ nextCheckAt: at(t0, 3_000), leasedUntil: at(t0, 3_500 + POLL_LEASE_MS), checkCount: 1 });
    // Still due by next_check_at, but leased: no other pass takes it, even later on.
    expect(await claimDueTransactions({ now: at(t0, 30_000), limit: 10, mode: "live" })).toEqual([]);

    expect(await pollDueTransactions({ now: at(t0, 3_500 + POLL_LEASE_MS) })).toMatchObject({ claimed: 1, stillPending: 1 });
    const answered = await reload(row!.id);
    expect(answered).toMatchObject({ status: "pending", leasedUntil: null, checkCount: 2 });
    expect(answered.nextCheckAt!.getTime()).toBeGreaterThan(at(t0, 3_500 + POLL_LEASE_MS).getTime());
    // Due again at its next check, with no lease to wait out.
    expect(await claimDueTransactions({ now: answered.nextCheckAt!, limit: 10, mode: "live" })).toHaveLength(1);
  });

  it("a pass applies its 'not yet' answers in bulk after every list call, and paid ones at once, each exactly once", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const rows = await insertPendingTransactions({ userId: polling.merchant.userId, mode: "live", count: 1_200, createdAt: t0 });
    const paid = rows.filter((_, index) => index % 400 === 7);
    for (const row of paid) polling.fake.markPaid(row.md5, { toAccountId: row.toAccountId, amount: 5, currency: "USD" });

    const summary = await pollDueTransactions({ now: at(t0, 3_000), limit: 5_000 });

    expect(summary).toMatchObject({ claimed: 1_200, paid: paid.length, stillPending: 1_200 - paid.length });
    const db = await getDb();
    const ours = await db.select().from(transactions).where(eq(transactions.userId, polling.merchant.userId));
    const mine = ours.filter((row) => rows.some((inserted) => inserted.id === row.id));
    expect(
      mine
        .filter((row) => row.status === "paid")
        .map((row) => row.id)
        .sort(),
    ).toEqual(paid.map((row) => row.id).sort());
    for (const row of mine.filter((row) => row.status === "pending")) {
      expect(row).toMatchObject({ leasedUntil: null, lastAnswerAt: at(t0, 3_000), nextCheckAt: at(t0, 6_000), checkCount: 1 });
    }
    const paidEvents = await db.select().from(transactionEvents).where(eq(transactionEvents.kind, "paid"));
    expect(paidEvents.filter((event) => paid.some((row) => row.id === event.transactionId))).toHaveLength(paid.length);
  }, 120_000);

  it("batches: 1,000 due live transactions take 20 md5-list calls and no single checks", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const rows = await insertPendingTransactions({ userId: polling.merchant.userId, mode: "live", count: 1_000, createdAt: t0 });
    for (const row of rows.slice(0, 7)) polling.fake.markPaid(row.md5, { toAccountId: row.toAccountId, amount: 5, currency: "USD" });

    const summary = await pollDueTransactions({ now: at(t0, 3_000), limit: 5_000 });

    expect(summary).toMatchObject({ claimed: 1_000, listCalls: 20, paid: 7, stillPending: 993 });
    // Only requests about this test's md5s: a fallback single check of an earlier test may still land late.
    const ours = new Set(rows.map((row) => row.md5));
    const aboutOurs = polling.fake.requests.filter((r) =>
      (Array.isArray(r.body) ? (r.body as string[]) : [(r.body as { md5?: string }).md5]).some((md5) => ours.has(md5 ?? "")),
    );
    expect(aboutOurs.filter((r) => r.path === LIST).map((r) => (r.body as string[]).length)).toEqual(Array(20).fill(50));
    expect(aboutOurs.filter((r) => r.path === SINGLE)).toEqual([]);
  }, 120_000);
});
