import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startBackgroundJobs, startInProcessScheduler, startTicker, type BackgroundJobs } from "@/lib/jobs";
import { inngest, PAYMENT_PAID_EVENT } from "@/lib/jobs/inngest";
import { createQr, simulatePayment } from "@/lib/payments";
import { createWebhookEndpoint } from "@/lib/webhooks";
import { createTestMerchant } from "../helpers/merchant";
import { payNewQr } from "../webhooks/fixtures";
import { startReceiver, type Receiver } from "../webhooks/receiver";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
  return Date.now() - started;
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("ticker", () => {
  it("never overlaps itself, however long a run takes", async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const ticker = startTicker({
      name: "test",
      intervalMs: 1,
      run: async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        runs += 1;
        await sleep(20);
        active -= 1;
      },
    });
    ticker.wake();
    ticker.wake();
    await waitFor(() => runs >= 5, 5_000);
    await ticker.stop();
    expect(maxActive).toBe(1);
  });

  it("stop() lets the current run finish and starts no other", async () => {
    const gate = deferred();
    let runs = 0;
    let finished = 0;
    const ticker = startTicker({
      name: "test",
      intervalMs: 1,
      run: async () => {
        runs += 1;
        await gate.promise;
        finished += 1;
      },
    });
    await waitFor(() => runs === 1, 1_000);
    let stopped = false;
    const stopping = ticker.stop().then(() => (stopped = true));
    await sleep(50);
    expect(stopped).toBe(false);
    gate.resolve();
    await stopping;
    expect({ runs, finished }).toEqual({ runs: 1, finished: 1 });
    await sleep(30);
    expect(runs).toBe(1);
  });

  it("wake() starts the next run at once instead of after the interval; a wake during a run queues one more", async () => {
    let runs = 0;
    const gate = deferred();
    const ticker = startTicker({
      name: "test",
      intervalMs: 60_000,
      run: async () => {
        runs += 1;
        if (runs === 2) await gate.promise;
      },
    });
    await waitFor(() => runs === 1, 1_000);
    ticker.wake();
    await waitFor(() => runs === 2, 1_000);
    ticker.wake();
    gate.resolve();
    await waitFor(() => runs === 3, 1_000);
    await sleep(50);
    expect(runs).toBe(3);
    await ticker.stop();
  });

  it("keeps going after a failed run, pausing longer while runs keep failing", async () => {
    let runs = 0;
    const ticker = startTicker({
      name: "test",
      intervalMs: 20,
      maxBackoffMs: 1_000,
      run: async () => {
        runs += 1;
        throw new Error("database down");
      },
    });
    await sleep(400);
    await ticker.stop();
    // Pauses of 40, 80, 160, 320 ms: a handful of runs, not twenty.
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(runs).toBeLessThanOrEqual(6);
  });
});

describe("in-process driver", () => {
  let receiver: Receiver;
  let jobs: BackgroundJobs | undefined;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterEach(async () => {
    await jobs?.stop();
    jobs = undefined;
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it("a test-mode QR paid through Simulate payment reaches the merchant's receiver within seconds, with no configuration", async () => {
    const merchant = await createTestMerchant();
    await createWebhookEndpoint(merchant.userId, { url: receiver.url, mode: "test" });
    const qr = await createQr(merchant.test, { amount: 2.5, currency: "USD" });
    const before = receiver.received.length;
    jobs = startBackgroundJobs({ env: {} });
    expect(jobs.driver).toBe("in-process");

    await simulatePayment(merchant.test, { md5: qr.md5 });

    const took = await waitFor(() => receiver.received.length > before, 8_000);
    expect(took).toBeLessThan(8_000);
    expect(JSON.parse(receiver.received[before]!.rawBody)).toMatchObject({ event: "transaction.paid", md5: qr.md5, amount: 2.5 });
  });

  it("a payment marked paid wakes delivery at once, without waiting for the next tick", async () => {
    const merchant = await createTestMerchant();
    await createWebhookEndpoint(merchant.userId, { url: receiver.url, mode: "test" });
    jobs = startBackgroundJobs({ env: {}, intervalMs: 60_000 });
    await sleep(300);
    const before = receiver.received.length;

    const paid = await payNewQr(merchant, new Date());

    await waitFor(() => receiver.received.some((r, i) => i >= before && r.rawBody.includes(paid.id)), 3_000);
  });

  it("runs once per process: a second start, even from a re-evaluated module, returns the running jobs", async () => {
    jobs = startBackgroundJobs({ env: {}, intervalMs: 60_000 });
    expect(startBackgroundJobs({ env: {} })).toBe(jobs);
    vi.resetModules();
    const reloaded = await import("@/lib/jobs/start-background-jobs");
    expect(reloaded.startBackgroundJobs({ env: {} })).toBe(jobs);
  });

  it("SIGTERM stops the scheduler after its current tick, then exits only if nothing else handles the signal", async () => {
    const exit = vi.fn();
    const listenersBefore = process.listenerCount("SIGTERM");
    jobs = startBackgroundJobs({ env: {}, intervalMs: 60_000, exitProcess: exit });
    expect(process.listenerCount("SIGTERM")).toBe(listenersBefore + 1);

    process.emit("SIGTERM", "SIGTERM");
    // The signal started the stop; stop() hands back that same stop.
    await jobs.stop();
    await sleep(10);

    expect(process.listenerCount("SIGTERM")).toBe(listenersBefore);
    expect(exit.mock.calls).toEqual(listenersBefore === 0 ? [[143]] : []);
    const next = startBackgroundJobs({ env: {}, intervalMs: 60_000, exitProcess: exit });
    expect(next).not.toBe(jobs);
    await next.stop();
  });

  it("with Inngest configured, nothing runs in process and a paid payment is forwarded as an event", async () => {
    const send = vi.spyOn(inngest, "send").mockResolvedValue({ ids: ["evt"] } as Awaited<ReturnType<typeof inngest.send>>);
    jobs = startBackgroundJobs({ env: { INNGEST_DEV: "1" } });
    expect(jobs.driver).toBe("inngest");
    const merchant = await createTestMerchant();
    const paid = await payNewQr(merchant, new Date());
    expect(send).toHaveBeenCalledWith({ name: PAYMENT_PAID_EVENT, data: { transaction_id: paid.id } });
  });

  it("startInProcessScheduler runs polling and delivery as separate loops", async () => {
    const gate = deferred();
    let deliveries = 0;
    const scheduler = startInProcessScheduler({
      intervalMs: 5,
      jobs: [
        { id: "poll-bakong", name: "poll", everyMs: 5, runsWhenPaid: false, run: () => gate.promise },
        { id: "deliver-webhooks", name: "deliver", everyMs: 5, runsWhenPaid: true, run: async () => void (deliveries += 1) },
      ],
    });
    // Polling is stuck (Bakong slow); deliveries keep ticking.
    await waitFor(() => deliveries >= 3, 2_000);
    gate.resolve();
    await scheduler.stop();
  });
});
