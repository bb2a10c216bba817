import { eq, inArray } from "drizzle-orm";
import type { BakongCheckResult } from "@/lib/bakong";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { bakongState, transactions, type Transaction } from "@/lib/db/schema";
import { pollDueTransactions } from "@/lib/payments";
import { bakongClientFor } from "@/lib/payments/bakong-clients";
import { OUTAGE_BACKOFF_MS } from "@/lib/payments/bakong-outage";
import { readBakongState } from "@/lib/payments/bakong-state";
import { POLL_LEASE_MS } from "@/lib/payments/claim-due";
import { insertPendingTransactions } from "./pending-transactions";
import { pollingFixture } from "./polling-fixture";
import { allLogLines, listEnvelope } from "./poll-due-helpers";

const LIST = "/v1/check_transaction_by_md5_list";
const SINGLE = "/v1/check_transaction_by_md5";
const NOT_FOUND = "Transaction could not be found. Please check and try again.";
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

const polling = pollingFixture();
afterEach(() => {
  vi.unstubAllEnvs();
});

async function reload(rows: Transaction[]): Promise<Transaction[]> {
  const db = await getDb();
  const found = await db
    .select()
    .from(transactions)
    .where(
      inArray(
        transactions.id,
        rows.map((row) => row.id),
      ),
    );
  return rows.map((row) => found.find((candidate) => candidate.id === row.id)!);
}

/** The live mode's shared Bakong state, as another instance (or an earlier pass) left it. */
async function setLiveState(fields: Partial<typeof bakongState.$inferInsert>): Promise<void> {
  await readBakongState("live");
  const db = await getDb();
  await db.update(bakongState).set(fields).where(eq(bakongState.mode, "live"));
}

const requestsTo = (path: string) => polling.fake.requests.filter((request) => request.path === path);
const liveRows = (count: number, createdAt: Date) =>
  insertPendingTransactions({ userId: polling.merchant.userId, mode: "live", count, createdAt });
const paidItem = (row: Transaction, createdDateMs: number, extra: Record<string, unknown> = {}) => ({
  md5: row.md5,
  status: "SUCCESS",
  message: "Success",
  data: { hash: "ab".repeat(32), fromAccountId: "payer@abaa", toAccountId: row.toAccountId, amount: 5, currency: "USD", createdDateMs },
  ...extra,
});
const notFoundItem = (row: Transaction, message = NOT_FOUND) => ({ md5: row.md5, status: "NOT_FOUND", message, data: null });

describe("the outage breaker", () => {
  it("while it is open, a pass asks Bakong nothing and claims nothing", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const rows = await liveRows(3, t0);
    await setLiveState({ consecutiveFailures: 3, outageUntil: at(t0, 30_000) });

    const summary = await pollDueTransactions({ now: at(t0, 10_000) });

    expect(summary).toMatchObject({ claimed: 0, listCalls: 0, singleCalls: 0, deferred: 0 });
    expect(polling.fake.requests).toEqual([]);
    for (const row of await reload(rows)) expect(row).toMatchObject({ checkCount: 0, leasedUntil: null, nextCheckAt: at(t0, 3_000) });
    // No probe was claimed either: the pause still ends when it was set to.
    expect(await readBakongState("live")).toMatchObject({ outageUntil: at(t0, 30_000), consecutiveFailures: 3 });
  });

  it("after the pause, the pass is one probe call: one list call of 50 of the 120 due, the rest left due and unleased", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const rows = await liveRows(120, t0);
    await setLiveState({ consecutiveFailures: 3, outageUntil: at(t0, 5_000) });

    const summary = await pollDueTransactions({ now: at(t0, 10_000) });

    expect(summary).toMatchObject({ claimed: 50, listCalls: 1, singleCalls: 0, stillPending: 50 });
    expect(requestsTo(LIST).map((request) => (request.body as string[]).length)).toEqual([50]);
    const after = await reload(rows);
    expect(after.filter((row) => row.checkCount === 1)).toHaveLength(50);
    for (const row of after.filter((row) => row.checkCount === 0))
      expect(row).toMatchObject({ leasedUntil: null, nextCheckAt: at(t0, 3_000) });
    // Bakong answered the probe: the breaker is closed.
    expect(await readBakongState("live")).toMatchObject({ outageUntil: null, consecutiveFailures: 0 });
  });

  it("in single-check mode the probe is one single check, and Bakong answering it closes the breaker", async () => {
    const t0 = new Date(Date.now() - 60_000);
    await liveRows(2, t0);
    await setLiveState({ consecutiveFailures: 3, outageUntil: at(t0, 5_000), listRefusedUntil: at(t0, 600_000) });

    const summary = await pollDueTransactions({ now: at(t0, 10_000) });

    expect(summary).toMatchObject({ claimed: 1, listCalls: 0, singleCalls: 1, stillPending: 1 });
    expect(requestsTo(SINGLE)).toHaveLength(1);
    expect(await readBakongState("live")).toMatchObject({ outageUntil: null, consecutiveFailures: 0, outageDetail: null });
  });
});

describe("the pass's limit", () => {
  it("claims no more than `limit`, however much budget there is: the rest stay due and unleased", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const rows = await liveRows(10, t0);

    const summary = await pollDueTransactions({ now: at(t0, 3_000), limit: 3 });

    expect(summary).toMatchObject({ claimed: 3, listCalls: 1, stillPending: 3 });
    expect(requestsTo(LIST).map((request) => (request.body as string[]).length)).toEqual([3]);
    const untouched = (await reload(rows)).filter((row) => row.checkCount === 0);
    expect(untouched).toHaveLength(7);
    for (const row of untouched) expect(row).toMatchObject({ leasedUntil: null, nextCheckAt: at(t0, 3_000) });
  });
});

describe("a list answer that settles only some of its md5s", () => {
  it("applies what it settled and asks the rest singly", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const [paid, unsettled, notFound] = (await liveRows(3, t0)) as [Transaction, Transaction, Transaction];
    polling.fake.failNext(LIST, {
      status: 200,
      body: listEnvelope([
        paidItem(paid, t0.getTime() + 2_000),
        { md5: unsettled.md5, status: "SERVICE_FAILED", message: "Service failed", data: null },
        notFoundItem(notFound),
      ]),
    });

    const lines = await allLogLines(async () => {
      const summary = await pollDueTransactions({ now: at(t0, 3_000) });
      expect(summary).toMatchObject({ claimed: 3, listCalls: 1, singleCalls: 1, paid: 1, stillPending: 2, deferred: 0 });
    });

    expect(requestsTo(SINGLE).map((request) => request.body)).toEqual([{ md5: unsettled.md5 }]);
    const [paidAfter, unsettledAfter, notFoundAfter] = await reload([paid, unsettled, notFound]);
    expect(paidAfter).toMatchObject({ status: "paid", paidAt: at(t0, 2_000), leasedUntil: null });
    for (const row of [unsettledAfter, notFoundAfter]) {
      expect(row).toMatchObject({ status: "pending", lastAnswerAt: at(t0, 3_000), nextCheckAt: at(t0, 6_000), leasedUntil: null });
    }
    expect(lines.filter((line) => line.msg === "poll_settle_failed")).toEqual([]);
  });
});

describe("Bakong failing a pass", () => {
  it("a failed list call defers its batch, counts towards the breaker and tells the operator", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const rows = await liveRows(3, t0);
    polling.fake.failNext(LIST, { status: 503, retryAfter: 20 });

    let summary: unknown;
    const lines = await allLogLines(async () => {
      summary = await pollDueTransactions({ now: at(t0, 3_000) });
    });

    expect(summary).toMatchObject({ claimed: 3, listCalls: 1, singleCalls: 0, deferred: 3 });
    expect(lines.filter((line) => line.msg === "bakong_poll_failed")).toEqual([
      {
        time: expect.any(String),
        level: "warn",
        msg: "bakong_poll_failed",
        mode: "live",
        md5_count: 3,
        retry_in_ms: 20_000,
        error_message: expect.stringContaining("503"),
      },
    ]);
    expect(await readBakongState("live")).toMatchObject({
      consecutiveFailures: 1,
      outageDetail: "Bakong did not answer (http_error 503).",
    });
    for (const row of await reload(rows)) {
      expect(row).toMatchObject({
        status: "pending",
        nextCheckAt: at(t0, 23_000),
        leasedUntil: null,
        lastCheckError: "Bakong did not answer (http_error 503).",
      });
    }
  });

  it("in single-check mode, once a check fails the rest of the pass is deferred without asking Bakong", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const rows = await liveRows(8, t0);
    await setLiveState({ listRefusedUntil: at(t0, 600_000) });
    polling.fake.failNext(SINGLE, { status: 503, times: 100 });

    let summary: unknown;
    const lines = await allLogLines(async () => {
      summary = await pollDueTransactions({ now: at(t0, 3_000) });
    });

    // The first five checks were in flight together; the other three never went out.
    expect(summary).toMatchObject({ claimed: 8, listCalls: 0, singleCalls: 5, deferred: 8, stillPending: 0 });
    expect(requestsTo(SINGLE)).toHaveLength(5);
    for (const row of await reload(rows)) {
      expect(row).toMatchObject({
        status: "pending",
        nextCheckAt: at(t0, 3_000 + OUTAGE_BACKOFF_MS),
        leasedUntil: null,
        lastCheckError: "Bakong did not answer (http_error 503).",
      });
    }
    const failures = lines.filter((line) => line.msg === "bakong_poll_failed");
    expect(failures).toHaveLength(5);
    for (const line of failures) expect(line).toMatchObject({ level: "warn", mode: "live", md5_count: 1, retry_in_ms: OUTAGE_BACKOFF_MS });
    expect(await readBakongState("live")).toMatchObject({ consecutiveFailures: 5 });
  });

  it("an error that is not Bakong being unavailable (a client bug) fails the pass, and is not recorded as an outage", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const rows = await liveRows(2, t0);
    const live = bakongClientFor("live");
    const broken = {
      ...live,
      checkMd5List: () => Promise.reject(new TypeError("client bug")),
    };

    await expect(
      pollDueTransactions({ now: at(t0, 3_000), clientFor: (mode) => (mode === "live" ? broken : bakongClientFor(mode)) }),
    ).rejects.toThrow("client bug");

    expect(await readBakongState("live")).toMatchObject({ consecutiveFailures: 0, outageUntil: null, outageDetail: null });
    // Not deferred as if Bakong were down: still leased, due again when the lease runs out.
    for (const row of await reload(rows)) {
      expect(row).toMatchObject({ lastCheckError: null, nextCheckAt: at(t0, 3_000), leasedUntil: at(t0, 3_000 + POLL_LEASE_MS) });
    }
  });
});

describe("answers that are hard to store", () => {
  it("a paid answer holding text PostgreSQL cannot store (NUL) is recorded paid, U+FFFD in the NUL's place", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const [row] = (await liveRows(1, t0)) as [Transaction];
    polling.fake.failNext(LIST, { status: 200, body: listEnvelope([paidItem(row, t0.getTime() + 2_000, { message: "Success\u0000" })]) });

    const summary = await pollDueTransactions({ now: at(t0, 3_000) });

    expect(summary).toMatchObject({ claimed: 1, listCalls: 1, paid: 1 });
    const [after] = await reload([row]);
    expect(after).toMatchObject({
      status: "paid",
      leasedUntil: null,
      bakongResponse: expect.objectContaining({ message: "Success\ufffd" }),
    });
  });

  // Whatever makes an answer fail to apply (here an answer no JSON column can hold, from a client wrapping the real one),
  // the rows stay leased and are asked again when the lease runs out: never dropped, never read as unpaid.
  const unstorable = (result: BakongCheckResult): BakongCheckResult => ({ ...result, raw: { answer: result.raw, size: 1n } });
  const clientWithUnstorableAnswers = (mode: "live" | "test") => {
    const client = bakongClientFor(mode);
    return {
      ...client,
      checkTransactionByMd5: async (md5: string) => unstorable(await client.checkTransactionByMd5(md5)),
      checkMd5List: async (md5s: string[]) => {
        const answer = await client.checkMd5List(md5s);
        return { ...answer, results: new Map([...answer.results].map(([md5, result]) => [md5, unstorable(result)])) };
      },
    };
  };

  it("a paid answer failing to apply is logged with the batch's transaction ids; the batch stays leased and the pass goes on", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const [paid, notFound] = (await liveRows(2, t0)) as [Transaction, Transaction];
    polling.fake.failNext(LIST, { status: 200, body: listEnvelope([paidItem(paid, t0.getTime() + 2_000), notFoundItem(notFound)]) });

    let summary: unknown;
    const lines = await allLogLines(async () => {
      summary = await pollDueTransactions({ now: at(t0, 3_000), clientFor: clientWithUnstorableAnswers });
    });

    expect(summary).toMatchObject({ claimed: 2, listCalls: 1, paid: 0, stillPending: 0, deferred: 0 });
    const failures = lines.filter((line) => line.msg === "poll_settle_failed");
    expect(failures).toEqual([
      expect.objectContaining({ level: "error", error_message: expect.any(String), error_name: expect.any(String) }),
    ]);
    expect([...(failures[0]!.transaction_ids as string[])].sort()).toEqual([paid.id, notFound.id].sort());
    for (const row of await reload([paid, notFound])) {
      expect(row).toMatchObject({ status: "pending", nextCheckAt: at(t0, 3_000), leasedUntil: at(t0, 3_000 + POLL_LEASE_MS) });
    }
  });

  it("'not yet' answers failing to apply at the end of the pass are logged; the rows stay leased until the lease runs out", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const [row] = (await liveRows(1, t0)) as [Transaction];
    // Single-check mode: the one row is asked singly.
    await setLiveState({ listRefusedUntil: at(t0, 600_000) });

    let summary: unknown;
    const lines = await allLogLines(async () => {
      summary = await pollDueTransactions({ now: at(t0, 3_000), clientFor: clientWithUnstorableAnswers });
    });

    expect(summary).toMatchObject({ claimed: 1, singleCalls: 1, stillPending: 0, deferred: 0 });
    expect(lines.filter((line) => line.msg === "poll_settle_failed")).toEqual([
      expect.objectContaining({ level: "error", error_name: expect.any(String), error_message: expect.any(String) }),
    ]);
    const [after] = await reload([row]);
    expect(after).toMatchObject({
      status: "pending",
      nextCheckAt: at(t0, 3_000),
      leasedUntil: at(t0, 3_000 + POLL_LEASE_MS),
      checkCount: 1,
    });
  });
});
