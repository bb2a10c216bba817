import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/v1/transaction/check/route";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { databaseTarget, getDb } from "@/lib/db";
import { bakongState, transactions } from "@/lib/db/schema";
import { pollDueTransactions } from "@/lib/payments";
import { readBakongState, reserveBakongCalls } from "@/lib/payments/bakong-state";
import { startFakeBakong, type FakeBakong } from "../fakes/fake-bakong-server";
import { call } from "../helpers/api";
import { createTestMerchant, type TestMerchant } from "../helpers/merchant";
import { insertPendingTransactions } from "./pending-transactions";

const LIST = "/v1/check_transaction_by_md5_list";
const SINGLE = "/v1/check_transaction_by_md5";
const TOKEN = "budget-test-token";

let fake: FakeBakong;
let merchant: TestMerchant;

beforeAll(async () => {
  fake = await startFakeBakong({ token: TOKEN });
  process.env.BAKONG_API_URL = fake.url;
  process.env.BAKONG_TOKEN = TOKEN;
  process.env.BAKONG_TIMEOUT_MS = "5000";
  merchant = await createTestMerchant();
});
afterAll(async () => {
  delete process.env.BAKONG_MAX_CALLS_PER_MINUTE;
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  fake.setToken(TOKEN);
  fake.setListEndpoint("ok");
  delete process.env.BAKONG_MAX_CALLS_PER_MINUTE;
  const db = await getDb();
  await db.delete(bakongState);
  await db.update(transactions).set({ nextCheckAt: null }).where(eq(transactions.status, "pending"));
});

async function newLiveQr(): Promise<string> {
  const { body } = await call(createQrRoute, { key: merchant.liveKey.key, body: { amount: 5 } });
  return (body as { md5: string }).md5;
}
const check = (md5: string) => call(checkRoute, { key: merchant.liveKey.key, body: { md5 } });
/** Late in the current minute, when the whole of its budget has opened. */
const lateInMinute = () => Math.floor(Date.now() / 60_000) * 60_000 + 59_000;
const requestsTo = (path: string) => fake.requests.filter((request) => request.path === path);

/** A poller running alongside the checks, as the in-process driver or Inngest would. */
function startPoller(everyMs = 200): { stop: () => Promise<void> } {
  let running = true;
  const loop = (async () => {
    while (running) {
      await pollDueTransactions();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

describe("client checks ride the poller's batches", () => {
  it("while a poller runs, checks make no single Bakong calls, and a payment is reported from the poller's batch", async () => {
    const md5s = [await newLiveQr(), await newLiveQr(), await newLiveQr()];
    await pollDueTransactions();
    const poller = startPoller();
    try {
      for (let round = 0; round < 3; round++) {
        const answers = await Promise.all(md5s.map(check));
        expect(answers.map((answer) => answer.body.status)).toEqual(["pending", "pending", "pending"]);
      }
      fake.markPaid(md5s[1]!, { toAccountId: "coffee_shop@aclb", amount: 5, currency: "USD" });
      // The QR's next batch is due within its 3 s cadence; a loaded machine (CI, mutation runs) may run late.
      await expect.poll(async () => (await check(md5s[1]!)).body.status, { timeout: 20_000, interval: 500 }).toBe("paid");
    } finally {
      await poller.stop();
    }
    expect(requestsTo(SINGLE)).toEqual([]);
    expect(requestsTo(LIST).length).toBeGreaterThan(0);
  });

  it("with no poller seen recently, a check asks Bakong itself, once per ~2 s", async () => {
    const md5 = await newLiveQr();
    const [first, second] = await Promise.all([check(md5), check(md5)]);
    expect([first.body.status, second.body.status]).toEqual(["pending", "pending"]);
    expect(requestsTo(SINGLE)).toHaveLength(1);
  });
});

describe("the md5-list endpoint's breaker", () => {
  it("opens after a 403 list answer (singles within the budget), then a list call probes it after the pause and closes it", async () => {
    const t0 = new Date(Date.now() - 30_000);
    const rows = await insertPendingTransactions({ userId: merchant.userId, mode: "live", count: 3, createdAt: t0 });
    fake.setListEndpoint("forbidden");

    const refused = await pollDueTransactions({ now: new Date(t0.getTime() + 3_000) });
    expect(refused).toMatchObject({ claimed: 3, listCalls: 1, singleCalls: 3, stillPending: 3 });
    expect((await readBakongState("live")).listRefusedUntil).not.toBeNull();

    fake.reset();
    fake.setToken(TOKEN);
    const whileOpen = await pollDueTransactions({ now: new Date(t0.getTime() + 30_000) });
    expect(whileOpen).toMatchObject({ listCalls: 0, singleCalls: 3 });
    expect(requestsTo(LIST)).toEqual([]);

    fake.reset();
    fake.setToken(TOKEN);
    const afterPause = await pollDueTransactions({ now: new Date(t0.getTime() + 11 * 60_000) });
    expect(afterPause).toMatchObject({ listCalls: 1, singleCalls: 0, claimed: rows.length });
    expect((await readBakongState("live")).listRefusedUntil).toBeNull();
  });
});

describe("the call budget", () => {
  it("is shared: reservations from many workers at once never exceed what the budget holds", async () => {
    process.env.BAKONG_MAX_CALLS_PER_MINUTE = "120";
    const now = new Date(lateInMinute());
    // 120 a minute holds 5 s worth: 10 calls at once, then 2 more each second.
    const grants = await Promise.all(Array.from({ length: 8 }, () => reserveBakongCalls("live", 3, now)));
    expect(grants.reduce((sum, granted) => sum + granted, 0)).toBe(10);
    expect(await reserveBakongCalls("live", 1, now)).toBe(0);
    expect(await reserveBakongCalls("live", 5, new Date(now.getTime() + 1_000))).toBe(2);
  });

  it("refills at the budget's pace, so no minute sees much more than the budget however calls are asked for", async () => {
    process.env.BAKONG_MAX_CALLS_PER_MINUTE = "120";
    const start = lateInMinute();
    let granted = 0;
    for (let second = 0; second <= 60; second++) granted += await reserveBakongCalls("live", 1_000, new Date(start + second * 1_000));
    // 10 held at the start plus 2 a second for 60 s.
    expect(granted).toBe(130);
  });

  it("polling claims only what the budget can ask about; the rest waits its turn, young QRs first", async () => {
    // Holds 2 calls: one list call (refused) and one single check.
    process.env.BAKONG_MAX_CALLS_PER_MINUTE = "24";
    fake.setListEndpoint("forbidden");
    const now = lateInMinute();
    const old = await insertPendingTransactions({
      userId: merchant.userId,
      mode: "live",
      count: 3,
      createdAt: new Date(now - 10 * 60_000),
    });
    const young = await insertPendingTransactions({ userId: merchant.userId, mode: "live", count: 3, createdAt: new Date(now - 20_000) });
    const db = await getDb();
    await db
      .update(transactions)
      .set({ nextCheckAt: new Date(now - 5_000) })
      .where(
        inArray(
          transactions.id,
          [...old, ...young].map((row) => row.id),
        ),
      );

    // One list call (refused) and one single call: the budget of 2.
    const pass = await pollDueTransactions({ now: new Date(now) });
    expect(pass.listCalls + pass.singleCalls).toBe(2);
    const asked = new Set(requestsTo(SINGLE).map((request) => (request.body as { md5: string }).md5));
    expect(young.some((row) => asked.has(row.md5))).toBe(true);
    expect(old.some((row) => asked.has(row.md5))).toBe(false);
    expect(await pollDueTransactions({ now: new Date(now + 500) })).toMatchObject({ claimed: 0 });
  });

  it.skipIf(databaseTarget().kind !== "postgres")("holds across two workers polling at once (PostgreSQL)", async () => {
    // Holds 4 calls.
    process.env.BAKONG_MAX_CALLS_PER_MINUTE = "48";
    fake.setListEndpoint("forbidden");
    const now = lateInMinute();
    await insertPendingTransactions({ userId: merchant.userId, mode: "live", count: 20, createdAt: new Date(now - 10_000) });
    const passes = await Promise.all([pollDueTransactions({ now: new Date(now) }), pollDueTransactions({ now: new Date(now) })]);
    expect(passes.reduce((sum, pass) => sum + pass.listCalls + pass.singleCalls, 0)).toBeLessThanOrEqual(4);
    expect(fake.requests.length).toBeLessThanOrEqual(4);
  });
});

describe("while Bakong is not answering", () => {
  it("the breaker opens after repeated timeouts: checks answer 502 without calling Bakong, statuses never change, and a probe closes it", async () => {
    process.env.BAKONG_TIMEOUT_MS = "150";
    try {
      const md5 = await newLiveQr();
      fake.delay(SINGLE, 1_000);
      for (let attempt = 0; attempt < 3; attempt++) {
        const db = await getDb();
        await db.update(transactions).set({ lastCheckedAt: null }).where(eq(transactions.md5, md5));
        expect((await check(md5)).status).toBe(502);
      }
      const callsBefore = fake.requests.length;

      const fast = await check(md5);
      expect(fast.status).toBe(502);
      expect(fast.body.error).toBe("bakong_unavailable");
      expect(Number(fast.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(fake.requests.length).toBe(callsBefore);
      const db = await getDb();
      const [row] = await db.select({ status: transactions.status }).from(transactions).where(eq(transactions.md5, md5));
      expect(row?.status).toBe("pending");

      // The pause ends; the next poll is the one probe, Bakong answers, the breaker closes.
      fake.delay(SINGLE, 0);
      fake.delay(LIST, 0);
      await db
        .update(bakongState)
        .set({ outageUntil: new Date(Date.now() - 1_000) })
        .where(eq(bakongState.mode, "live"));
      await db
        .update(transactions)
        .set({ nextCheckAt: new Date(Date.now() - 1_000) })
        .where(eq(transactions.md5, md5));
      expect(await pollDueTransactions()).toMatchObject({ listCalls: 1, stillPending: 1 });
      expect(await readBakongState("live")).toMatchObject({ outageUntil: null, consecutiveFailures: 0 });
    } finally {
      process.env.BAKONG_TIMEOUT_MS = "5000";
    }
  });
});
