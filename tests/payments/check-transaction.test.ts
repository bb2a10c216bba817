import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as byOrderRoute } from "@/app/api/v1/transaction/by-order/route";
import { POST as checkRoute } from "@/app/api/v1/transaction/check/route";
import { POST as createQrRoute } from "@/app/api/v1/qr/route";
import { getDb } from "@/lib/db";
import { bakongState } from "@/lib/db/schema";
import { simulatePayment } from "@/lib/payments";
import { readBakongState, reserveBakongCalls } from "@/lib/payments/bakong-state";
import { call } from "../helpers/api";
import { logLines } from "../helpers/log-lines";
import { paidTo, pendingQr, readRow, resetCheckWorld, SINGLE, startCheckWorld, type CheckWorld } from "./check-transaction-helpers";

// With no poller running, a check asks Bakong itself: once per 2 s per QR, within the live budget, and
// never while the live breaker is open.

const TOKEN = "check-transaction-token";
let world: CheckWorld;

beforeAll(async () => {
  world = await startCheckWorld(TOKEN);
});
afterAll(async () => {
  await world.fake.close();
});
beforeEach(async () => {
  await resetCheckWorld(world, TOKEN);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const checkLive = (md5: string) => call(checkRoute, { key: world.merchant.liveKey.key, body: { md5 } });
const checkTest = (md5: string) => call(checkRoute, { key: world.merchant.testKey.key, body: { md5 } });
const singles = () => world.fake.requests.filter((request) => request.path === SINGLE).length;

async function setLiveState(values: Partial<typeof bakongState.$inferInsert>): Promise<void> {
  await readBakongState("live"); // creates the row
  const db = await getDb();
  await db.update(bakongState).set(values).where(eq(bakongState.mode, "live"));
}

/** A sandbox QR its customer has paid with "Simulate payment" (the check reports it). */
async function paidSandboxQr(): Promise<string> {
  const row = await pendingQr(world.merchant, "test");
  await simulatePayment(world.merchant.test, { md5: row.md5 });
  return row.md5;
}

describe("the live call budget", () => {
  it("once it is spent, a live check answers from the database without asking Bakong", async () => {
    // One call a minute: the bucket holds one call and takes a minute to refill it.
    vi.stubEnv("BAKONG_MAX_CALLS_PER_MINUTE", "1");
    expect(await reserveBakongCalls("live", 1)).toBe(1);
    const row = await pendingQr(world.merchant, "live");
    world.fake.markPaid(row.md5, paidTo());

    const answer = await checkLive(row.md5);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "pending", bakong_response: null });
    expect(world.fake.requests).toEqual([]);
    expect((await readRow(row.id))?.lastCheckError).toBeNull();
  });

  it("is not spent by sandbox checks, which answer from the sandbox even when it is empty", async () => {
    vi.stubEnv("BAKONG_MAX_CALLS_PER_MINUTE", "1");
    expect(await reserveBakongCalls("live", 1)).toBe(1);
    const md5 = await paidSandboxQr();

    const answer = await checkTest(md5);

    expect(answer.body).toMatchObject({ status: "paid", bakong_response: { responseCode: 0 } });
    expect(world.fake.requests).toEqual([]);
  });
});

describe("the live outage breaker", () => {
  it("an answer from Bakong to a live check resets the failures it had counted", async () => {
    await setLiveState({ consecutiveFailures: 2, outageDetail: "Bakong did not answer (timeout)." });
    const row = await pendingQr(world.merchant, "live");

    const answer = await checkLive(row.md5);

    expect(answer.body).toMatchObject({ status: "pending", bakong_response: { responseCode: 1, errorCode: 1 } });
    expect(await readBakongState("live")).toMatchObject({ consecutiveFailures: 0, outageUntil: null, outageDetail: null });
  });

  it("a sandbox answer leaves the live breaker's count alone", async () => {
    await setLiveState({ consecutiveFailures: 2, outageDetail: "Bakong did not answer (timeout)." });
    const md5 = await paidSandboxQr();

    const lines = await logLines(async () => {
      expect((await checkTest(md5)).body).toMatchObject({ status: "paid" });
    });

    expect(await readBakongState("live")).toMatchObject({ consecutiveFailures: 2, outageDetail: "Bakong did not answer (timeout)." });
    expect(lines.filter((line) => line.msg === "bakong_breaker_changed")).toEqual([]);
  });

  it("Bakong failing a live check: a warning for the operator, the reason kept on the QR, one failure counted", async () => {
    const row = await pendingQr(world.merchant, "live");
    world.fake.failNext(SINGLE, { status: 500 });

    let answer: Awaited<ReturnType<typeof checkLive>> | undefined;
    const lines = await logLines(async () => {
      answer = await checkLive(row.md5);
    });

    expect(answer?.status).toBe(502);
    expect(answer?.body).toMatchObject({ error: "bakong_unavailable" });
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: "warn",
        msg: "bakong_check_failed",
        transaction_id: row.id,
        reason: "http_error",
        http_status: 500,
      }),
    );
    expect(await readRow(row.id)).toMatchObject({ status: "pending", lastCheckError: "Bakong did not answer (http_error 500)." });
    expect(await readBakongState("live")).toMatchObject({ consecutiveFailures: 1 });
  });

  it("while it is open, a live check answers 502 at once with the stored reason and a Retry-After up to the pause's end", async () => {
    const row = await pendingQr(world.merchant, "live");
    await setLiveState({ outageUntil: new Date(Date.now() + 10_000), outageDetail: "Bakong did not answer (timeout)." });

    const answer = await checkLive(row.md5);

    expect(answer.status).toBe(502);
    expect(answer.body).toMatchObject({
      error: "bakong_unavailable",
      message: "Bakong did not answer (timeout). The payment status is unknown; retry in a few seconds.",
    });
    // Ten seconds less the time the request took, rounded up to whole seconds.
    const retryAfter = Number(answer.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(5);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(world.fake.requests).toEqual([]);
  });

  it("an open breaker without a stored reason still says Bakong is not answering", async () => {
    const row = await pendingQr(world.merchant, "live");
    await setLiveState({ outageUntil: new Date(Date.now() + 10_000), outageDetail: null });

    const answer = await checkLive(row.md5);

    expect(answer.status).toBe(502);
    expect(answer.body.message).toBe("Bakong is not answering. The payment status is unknown; retry in a few seconds.");
  });

  it("once the pause is over, a live check asks Bakong again, and its answer closes the breaker", async () => {
    const row = await pendingQr(world.merchant, "live");
    await setLiveState({
      consecutiveFailures: 3,
      outageUntil: new Date(Date.now() - 1_000),
      outageDetail: "Bakong did not answer (timeout).",
    });
    world.fake.markPaid(row.md5, paidTo());

    const lines = await logLines(async () => {
      expect((await checkLive(row.md5)).body).toMatchObject({ status: "paid" });
    });

    expect(singles()).toBe(1);
    expect(await readBakongState("live")).toMatchObject({ consecutiveFailures: 0, outageUntil: null, outageDetail: null });
    expect(lines).toContainEqual(
      expect.objectContaining({ level: "info", msg: "bakong_breaker_changed", mode: "live", breaker: "outage", state: "closed" }),
    );
  });

  it("the pause ends at outage_until itself: a check at that instant asks Bakong", async () => {
    const row = await pendingQr(world.merchant, "live");
    const now = Date.now();
    await setLiveState({ outageUntil: new Date(now), outageDetail: "Bakong did not answer (timeout)." });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now);
    try {
      expect((await checkLive(row.md5)).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
    expect(singles()).toBe(1);
  });

  it("while it is open, a sandbox check still answers from the sandbox", async () => {
    await setLiveState({ outageUntil: new Date(Date.now() + 60_000), outageDetail: "Bakong did not answer (timeout)." });
    const md5 = await paidSandboxQr();

    const answer = await checkTest(md5);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "paid" });
  });

  it("while it is open, a payment already settled is answered from the database", async () => {
    const row = await pendingQr(world.merchant, "live");
    world.fake.markPaid(row.md5, paidTo());
    expect((await checkLive(row.md5)).body).toMatchObject({ status: "paid" });
    await setLiveState({ outageUntil: new Date(Date.now() + 60_000), outageDetail: "Bakong did not answer (timeout)." });

    const answer = await checkLive(row.md5);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "paid", bakong_response: { responseCode: 0 } });
    expect(singles()).toBe(1);
  });
});

describe("a check that cannot ask Bakong for a reason of ours", () => {
  it("is an internal error, not a Bakong outage: nothing is recorded on the QR or the breaker", async () => {
    const row = await pendingQr(world.merchant, "live");
    vi.stubEnv("BAKONG_TIMEOUT_MS", "soon");

    const answer = await checkLive(row.md5);

    expect(answer.status).toBe(500);
    expect(answer.body.error).toBe("internal_error");
    expect((await readRow(row.id))?.lastCheckError).toBeNull();
    expect(await readBakongState("live")).toMatchObject({ consecutiveFailures: 0, outageDetail: null });
    expect(world.fake.requests).toEqual([]);
  });
});

describe("concurrent checks of one QR", () => {
  it("share one Bakong call and all report its answer", async () => {
    const row = await pendingQr(world.merchant, "live");
    world.fake.markPaid(row.md5, paidTo());
    // Bakong answers slowly, so the later checks arrive while the first call is out.
    world.fake.delay(SINGLE, 300);

    const answers = await Promise.all([checkLive(row.md5), checkLive(row.md5), checkLive(row.md5)]);

    expect(answers.map((answer) => answer.body.status)).toEqual(["paid", "paid", "paid"]);
    expect(singles()).toBe(1);
  });
});

describe("not found", () => {
  it("an unknown md5 is 404, naming the md5 and the key's mode", async () => {
    const md5 = "0123456789abcdef0123456789abcdef";
    const live = await checkLive(md5);
    expect(live.status).toBe(404);
    expect(live.body).toEqual({ error: "not_found", message: `No live transaction with md5 ${md5} for this API key's account.` });
    expect((await checkTest(md5)).body.message).toBe(`No test transaction with md5 ${md5} for this API key's account.`);
  });

  it("an order_id is found only under the key that created it", async () => {
    const created = await call(createQrRoute, { key: world.merchant.liveKey.key, body: { amount: 5, order_id: "order-200" } });
    expect(created.status).toBe(200);

    const found = await call(byOrderRoute, { key: world.merchant.liveKey.key, body: { order_id: "order-200" } });

    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ order_id: "order-200", md5: created.body.md5, status: "pending", amount: 5 });
    const sandbox = await call(byOrderRoute, { key: world.merchant.testKey.key, body: { order_id: "order-200" } });
    expect(sandbox.status).toBe(404);
  });

  it("an unknown order_id is 404, naming the order and the key's mode", async () => {
    const answer = await call(byOrderRoute, { key: world.merchant.liveKey.key, body: { order_id: "order-404" } });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      error: "not_found",
      message: `No live transaction with order_id "order-404" for this API key's account.`,
    });
    const sandbox = await call(byOrderRoute, { key: world.merchant.testKey.key, body: { order_id: "order-404" } });
    expect(sandbox.body.message).toBe(`No test transaction with order_id "order-404" for this API key's account.`);
  });
});
