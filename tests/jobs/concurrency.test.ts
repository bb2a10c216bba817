import { spawn } from "node:child_process";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { webhookAttempts, webhookDeliveries } from "@/lib/db/schema";
import { startInProcessScheduler } from "@/lib/jobs";
import { pollDueTransactions } from "@/lib/payments";
import { deliverDueWebhooks } from "@/lib/webhooks";
import { createWebhookEndpoint } from "@/lib/webhooks";
import { startFakeBakong, type FakeBakong } from "../fakes/fake-bakong-server";
import { createTestMerchant } from "../helpers/merchant";
import { payNewQr } from "../webhooks/fixtures";
import { startReceiver, type Receiver } from "../webhooks/receiver";
import { insertPendingTransactions } from "../payments/pending-transactions";

/** A separate Node process running the sender, as a second app instance would; `ready` once it is connected. */
function runSenderProcess(runMs: number): { ready: Promise<void>; done: Promise<{ sent: number }> } {
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = new Promise<{ sent: number }>((resolve, reject) => {
    const child = spawn("npx", ["tsx", "tests/jobs/run-sender.ts"], {
      env: { ...process.env, SENDER_RUN_MS: String(runMs) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    let errors = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) markReady();
    });
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const last = output.trim().split("\n").pop() ?? "";
      if (code === 0 && last.startsWith("{")) resolve(JSON.parse(last) as { sent: number });
      else reject(new Error(`sender process exited ${code}: ${errors || output}`));
      markReady();
    });
  });
  return { ready, done };
}

describe.skipIf(!process.env.DATABASE_URL)("several instances at once (PostgreSQL only: PGlite is a single connection)", () => {
  let receiver: Receiver;
  let fake: FakeBakong;
  beforeAll(async () => {
    receiver = await startReceiver();
    fake = await startFakeBakong();
    process.env.BAKONG_API_URL = fake.url;
    process.env.BAKONG_TOKEN = "fake-token";
  });
  afterAll(async () => {
    await receiver.close();
    await fake.close();
  });

  it("two schedulers (this process and another) plus concurrent passes: each delivery is sent exactly once", async () => {
    const merchant = await createTestMerchant();
    for (let i = 0; i < 3; i++) await createWebhookEndpoint(merchant.userId, { url: `${receiver.url}?endpoint=${i}`, mode: "test" });
    const now = new Date();
    for (let i = 0; i < 60; i++) await payNewQr(merchant, now);
    const db = await getDb();
    const [queued] = await db.select({ n: count() }).from(webhookDeliveries).where(eq(webhookDeliveries.status, "pending"));
    expect(queued?.n).toBe(180);
    // A slow-ish receiver widens the window in which instances could collide.
    receiver.replyNext({ status: 200, body: "ok", delayMs: 20 }, 180);

    const other = runSenderProcess(5_000);
    await other.ready;
    let sentHere = 0;
    const local = startInProcessScheduler({
      intervalMs: 5,
      jobs: [
        {
          id: "deliver-webhooks",
          name: "deliver",
          everyMs: 5,
          runsWhenPaid: true,
          run: async () => {
            const { claimed } = await deliverDueWebhooks({ limit: 10 });
            sentHere += claimed;
          },
        },
      ],
    });
    const passes = await Promise.all(Array.from({ length: 4 }, () => deliverDueWebhooks({ limit: 10 })));
    sentHere += passes.reduce((sum, pass) => sum + pass.claimed, 0);
    const { sent: sentByOther } = await other.done;
    await local.stop();

    const ids = receiver.received.map((r) => r.headers["x-khqr-delivery-id"] as string);
    expect(ids).toHaveLength(180);
    expect(new Set(ids).size).toBe(180);
    const [succeeded] = await db.select({ n: count() }).from(webhookDeliveries).where(eq(webhookDeliveries.status, "succeeded"));
    expect(succeeded?.n).toBe(180);
    const [attempts] = await db.select({ n: count() }).from(webhookAttempts);
    expect(attempts?.n).toBe(180);
    // Both instances really took part.
    expect(sentByOther).toBeGreaterThan(0);
    expect(sentHere).toBeGreaterThan(0);
    expect(sentByOther + sentHere).toBe(180);
  }, 120_000);

  it("concurrent pollers split the due transactions: every md5 is asked about once", async () => {
    const merchant = await createTestMerchant();
    const t0 = new Date(Date.now() - 60_000);
    await insertPendingTransactions({ userId: merchant.userId, mode: "live", count: 500, createdAt: t0 });
    fake.reset();

    const summaries = await Promise.all(
      Array.from({ length: 4 }, () => pollDueTransactions({ now: new Date(t0.getTime() + 3_000), limit: 150 })),
    );

    expect(summaries.reduce((sum, s) => sum + s.claimed, 0)).toBe(500);
    const asked = fake.requests.flatMap((r) => (Array.isArray(r.body) ? (r.body as string[]) : []));
    expect(asked).toHaveLength(500);
    expect(new Set(asked).size).toBe(500);
  }, 60_000);
});
