import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { transactions, users } from "@/lib/db/schema";
import { checkTransaction, onPollingRequested, pollDueTransactions } from "@/lib/payments";
import { recordPollerHeartbeat } from "@/lib/payments/bakong-state";
import { createTestMerchant } from "../helpers/merchant";
import {
  LIST,
  paidTo,
  pendingQr,
  readRow,
  resetCheckWorld,
  setRow,
  SINGLE,
  startCheckWorld,
  type CheckWorld,
} from "./check-transaction-helpers";

// While a poller runs (seen in the last 10 s), a live check never calls Bakong: it makes its QR due, wakes
// the poller and waits (at most 2 s) for the batch. The wake listener below plays the in-process driver.

const TOKEN = "check-batch-token";
let world: CheckWorld;
let stopListening: (() => void) | undefined;
// Passes the driver started: each test waits for its own before the next one resets the world.
const started: Promise<unknown>[] = [];

beforeAll(async () => {
  world = await startCheckWorld(TOKEN);
});
afterAll(async () => {
  await world.fake.close();
});
beforeEach(async () => {
  await resetCheckWorld(world, TOKEN);
  // Earlier tests' QRs are never due again: each pass sees only the QR of its own test.
  const db = await getDb();
  await db.update(transactions).set({ nextCheckAt: null }).where(eq(transactions.status, "pending"));
  await recordPollerHeartbeat(new Date());
});
afterEach(async () => {
  stopListening?.();
  stopListening = undefined;
  vi.useRealTimers();
  await Promise.allSettled(started.splice(0));
});

const requestsTo = (path: string) => world.fake.requests.filter((request) => request.path === path);

/** The in-process driver: `onWake` runs each time a waiting check asks for a polling pass. */
function driver(onWake: () => unknown): { wakes: () => number } {
  let wakes = 0;
  stopListening = onPollingRequested(() => {
    wakes++;
    started.push(Promise.resolve(onWake()));
  });
  return { wakes: () => wakes };
}

/**
 * The clock stands still at `at` (Date only; real timers keep running), so only an answer, or the test
 * moving the clock, can end a check's wait: a check that would wait longer than it should never returns.
 */
function freezeClock(at: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
}

describe("a live check while a poller runs", () => {
  it("makes its QR due now, wakes the poller, and reports the payment the poller's batch found", async () => {
    const row = await pendingQr(world.merchant, "live");
    world.fake.markPaid(row.md5, paidTo());
    // The batch answers after the check has looked at the row at least once.
    world.fake.delay(LIST, 300);
    let pass: ReturnType<typeof pollDueTransactions> | undefined;
    const poller = driver(() => {
      pass = pollDueTransactions();
    });

    const answer = await checkTransaction(world.merchant.live, row.md5);

    expect(answer).toMatchObject({ md5: row.md5, status: "paid", bakong_response: { status: "SUCCESS", md5: row.md5 } });
    expect(poller.wakes()).toBe(1);
    expect(await pass).toMatchObject({ paid: 1, listCalls: 1 });
    expect(requestsTo(SINGLE)).toEqual([]);
  });

  it("waits for the batch even when Bakong answered the QR a minute ago", async () => {
    const row = await pendingQr(world.merchant, "live");
    const aMinuteAgo = new Date(Date.now() - 60_000);
    await setRow(row.id, { lastCheckedAt: aMinuteAgo, lastAnswerAt: aMinuteAgo });
    world.fake.markPaid(row.md5, paidTo());
    world.fake.delay(LIST, 300);
    const poller = driver(() => pollDueTransactions());

    expect(await checkTransaction(world.merchant.live, row.md5)).toMatchObject({ status: "paid" });
    expect(poller.wakes()).toBe(1);
  });

  it("answers a QR asked about in the last 3 s from the database: no pass is asked for, its schedule is kept", async () => {
    const row = await pendingQr(world.merchant, "live");
    const justNow = new Date(Date.now() - 1_000);
    await setRow(row.id, { lastCheckedAt: justNow, lastAnswerAt: justNow });
    world.fake.markPaid(row.md5, paidTo());
    const poller = driver(() => pollDueTransactions());

    expect(await checkTransaction(world.merchant.live, row.md5)).toMatchObject({ status: "pending" });
    expect(poller.wakes()).toBe(0);
    expect((await readRow(row.id))?.nextCheckAt).toEqual(row.nextCheckAt);
    expect(world.fake.requests).toEqual([]);
  });

  it("a QR asked about exactly 3 s ago is no longer recent: the check asks for a pass", async () => {
    const now = Date.now();
    freezeClock(now);
    const row = await pendingQr(world.merchant, "live");
    await setRow(row.id, { lastCheckedAt: new Date(now - 3_000) });
    // Nothing answers; the clock jumps to the check's deadline so that it gives up.
    const poller = driver(() => vi.setSystemTime(now + 2_000));

    expect(await checkTransaction(world.merchant.live, row.md5)).toMatchObject({ status: "pending" });
    expect(poller.wakes()).toBe(1);
  });
});

describe("how long a check waits for the batch", () => {
  it("the batch's 'not paid yet' ends the wait at once", async () => {
    const now = Date.now();
    freezeClock(now);
    const row = await pendingQr(world.merchant, "live");
    let pass: ReturnType<typeof pollDueTransactions> | undefined;
    driver(() => {
      pass = pollDueTransactions();
    });

    const answer = await checkTransaction(world.merchant.live, row.md5);

    expect(answer).toMatchObject({ status: "pending", bakong_response: { status: "NOT_FOUND" } });
    expect(await pass).toMatchObject({ stillPending: 1 });
    expect((await readRow(row.id))?.lastAnswerAt?.getTime()).toBe(now);
  });

  it("a payment found by a pass that began just before the check also ends the wait", async () => {
    const now = Date.now();
    freezeClock(now);
    const row = await pendingQr(world.merchant, "live");
    // Already due: the pass that started a second ago takes it; the check does not reschedule it.
    await setRow(row.id, { nextCheckAt: new Date(now - 2_000) });
    world.fake.markPaid(row.md5, paidTo());
    world.fake.delay(LIST, 300);
    driver(() => pollDueTransactions({ now: new Date(now - 1_000) }));

    expect(await checkTransaction(world.merchant.live, row.md5)).toMatchObject({ status: "paid" });
    expect((await readRow(row.id))?.lastAnswerAt?.getTime()).toBe(now - 1_000);
  });

  it("with one 100 ms step left before its 2 s deadline, the check still waits for the batch", async () => {
    const now = Date.now();
    freezeClock(now);
    const row = await pendingQr(world.merchant, "live");
    world.fake.markPaid(row.md5, paidTo());
    world.fake.delay(LIST, 300);
    driver(() => {
      vi.setSystemTime(now + 1_900);
      return pollDueTransactions({ now: new Date(now) });
    });

    expect(await checkTransaction(world.merchant.live, row.md5)).toMatchObject({ status: "paid" });
  });

  it("at its deadline the check stops waiting and answers what is known, leaving its QR due for the next pass", async () => {
    const now = Date.now();
    freezeClock(now);
    const row = await pendingQr(world.merchant, "live");
    const poller = driver(() => vi.setSystemTime(now + 2_000));

    expect(await checkTransaction(world.merchant.live, row.md5)).toMatchObject({ status: "pending", bakong_response: null });
    expect(poller.wakes()).toBe(1);
    expect((await readRow(row.id))?.nextCheckAt?.getTime()).toBe(now);
    expect(world.fake.requests).toEqual([]);
  });

  it("a QR deleted while its check waits (its account was closed) answers not_found", async () => {
    freezeClock(Date.now());
    const leaving = await createTestMerchant();
    const row = await pendingQr(leaving, "live");
    driver(async () => (await getDb()).delete(users).where(eq(users.id, leaving.userId)));

    await expect(checkTransaction(leaving.live, row.md5)).rejects.toMatchObject({
      code: "not_found",
      message: "The transaction no longer exists.",
    });
  });
});
