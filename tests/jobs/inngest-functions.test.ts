import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { transactions } from "@/lib/db/schema";
import { JOBS } from "@/lib/jobs";
import { inngestFunctions, isInngestConfigured, passesPerCronRun, PAYMENT_PAID_EVENT } from "@/lib/jobs/inngest";
import { createQr, simulatePayment } from "@/lib/payments";
import { createTestMerchant } from "../helpers/merchant";
import { paidWithEndpoint } from "../webhooks/fixtures";
import { startReceiver, type Receiver } from "../webhooks/receiver";

const job = (id: string) => JOBS.find((candidate) => candidate.id === id)!;
const inngestFunction = (id: string) => inngestFunctions.find((candidate) => candidate.id() === id)!;
const POLL_PASSES_PER_RUN = passesPerCronRun(job("poll-bakong"));
const DELIVERY_PASSES_PER_RUN = passesPerCronRun(job("deliver-webhooks"));

/** Every step.sleep of a run, mocked: the test engine would otherwise stop at the first one. */
const mockedSleeps = (prefix: string, passes: number) =>
  Array.from({ length: passes - 1 }, (_, index) => ({ id: `${prefix}-pause-${index + 1}`, handler: () => undefined }));

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});

describe("Inngest driver", () => {
  it("is chosen by INNGEST_EVENT_KEY or INNGEST_DEV", () => {
    expect(isInngestConfigured({})).toBe(false);
    expect(isInngestConfigured({ INNGEST_DEV: "0" })).toBe(false);
    expect(isInngestConfigured({ INNGEST_DEV: "1" })).toBe(true);
    expect(isInngestConfigured({ INNGEST_EVENT_KEY: "key" })).toBe(true);
  });

  it("poll-bakong: a cron run makes 15 passes 3 s apart and marks a simulated payment paid", async () => {
    const merchant = await createTestMerchant();
    const qr = await createQr(merchant.test, { amount: 3, currency: "USD" }, () => new Date(Date.now() - 10_000));
    await simulatePayment(merchant.test, { md5: qr.md5 });
    const engine = new InngestTestEngine({
      function: inngestFunction("poll-bakong"),
      steps: mockedSleeps("poll-bakong", POLL_PASSES_PER_RUN),
    });

    const { result, ctx } = await engine.execute();

    const passes = result as Array<{ claimed: number; paid: number }>;
    expect(passes).toHaveLength(15);
    expect(passes.reduce((sum, pass) => sum + pass.paid, 0)).toBeGreaterThanOrEqual(1);
    expect(ctx.step.sleep).toHaveBeenCalledTimes(POLL_PASSES_PER_RUN - 1);
    expect(ctx.step.sleep).toHaveBeenCalledWith("poll-bakong-pause-1", "3s");
    const db = await getDb();
    const [row] = await db.select().from(transactions).where(eq(transactions.md5, qr.md5));
    expect(row?.status).toBe("paid");
  });

  it("deliver-webhooks: a cron run makes 9 delivery passes 5 s apart and delivers what is due", async () => {
    const setup = await paidWithEndpoint(receiver.url);
    const before = receiver.received.length;
    const engine = new InngestTestEngine({
      function: inngestFunction("deliver-webhooks"),
      steps: mockedSleeps("deliver-webhooks", DELIVERY_PASSES_PER_RUN),
    });

    const { result, ctx } = await engine.execute();

    expect(result).toHaveLength(9);
    expect(ctx.step.sleep).toHaveBeenCalledWith("deliver-webhooks-pause-1", "5s");
    const sent = receiver.received.slice(before).map((r) => r.headers["x-khqr-delivery-id"]);
    expect(sent).toEqual([setup.delivery.id]);
  });

  it("deliver-webhooks-now: the paid event delivers at once, each delivery once however often it fires", async () => {
    const setup = await paidWithEndpoint(receiver.url);
    const before = receiver.received.length;
    // A fresh engine per run: an engine remembers the step results of its previous execution.
    const newRun = () =>
      new InngestTestEngine({
        function: inngestFunction("deliver-webhooks-now"),
        events: [{ name: PAYMENT_PAID_EVENT, data: { transaction_id: setup.transaction.id } }],
      }).execute();

    const first = await newRun();
    const second = await newRun();

    expect(first.result).toMatchObject({ succeeded: 1 });
    expect(second.result).toMatchObject({ claimed: 0 });
    expect(receiver.received.slice(before).map((r) => r.headers["x-khqr-delivery-id"])).toEqual([setup.delivery.id]);
  });
});
