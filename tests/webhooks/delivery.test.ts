import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import {
  claimDueDeliveries,
  DELIVERY_LEASE_MS,
  transactionEventBody,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_TIMEOUT_MS,
  deleteWebhookEndpoint,
  deliverDueWebhooks,
  retryDelayMs,
} from "@/lib/webhooks";
import { sendClaimedDelivery } from "@/lib/webhooks/send-delivery";
import { deliveryById, paidWithEndpoint } from "./fixtures";
import { startReceiver, type Receiver } from "./receiver";
import { verify } from "../helpers/brief-verify";

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
/** Pins the retry jitter to the middle: delays are exactly 30 s, 2 min, 10 min, 1 h. */
const noJitter = () => 0.5;

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});

async function attemptsOf(deliveryId: string) {
  const db = await getDb();
  return db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId)).orderBy(webhookAttempts.attempt);
}

describe("webhook delivery", () => {
  it("POSTs the documented body and headers, and the brief's verify() accepts the signature", async () => {
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    const before = receiver.received.length;

    const summary = await deliverDueWebhooks({ now });

    expect(summary).toMatchObject({ succeeded: 1, retrying: 0, failed: 0 });
    const [request] = receiver.received.slice(before);
    expect(request).toBeDefined();
    const { rawBody } = request!;
    const headers = request!.headers as Record<string, string>;
    expect(verify(rawBody, headers, setup.secret)).toBe(true);
    expect(verify(rawBody, headers, "whsec_wrong")).toBe(false);
    expect(verify(rawBody.replace('"amount":5', '"amount":500'), headers, setup.secret)).toBe(false);
    expect(headers["content-type"]).toBe("application/json");
    // Receivers' firewalls and logs tell our calls apart by it.
    expect(headers["user-agent"]).toBe("KHQR-Pay-Webhooks/1.0");
    expect(Math.abs(Number(headers["x-khqr-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    expect(headers["x-khqr-event"]).toBe("transaction.paid");
    expect(headers["x-khqr-delivery-id"]).toBe(setup.delivery.id);
    expect(headers["x-khqr-signature"]).toMatch(new RegExp(`^t=${headers["x-khqr-timestamp"]},v1=[0-9a-f]{64}$`));
    const eventId = headers["x-khqr-event-id"]!;
    expect(eventId).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(rawBody).toBe(transactionEventBody(eventId, "transaction.paid", setup.transaction));
    expect(JSON.parse(rawBody)).toEqual({
      id: eventId,
      event: "transaction.paid",
      mode: "test",
      type: "dynamic",
      md5: setup.transaction.md5,
      amount: 5,
      currency: "USD",
      bill_number: setup.transaction.billNumber,
      paid_at: setup.transaction.paidAt!.toISOString(),
      expires_at: setup.transaction.expiresAt!.toISOString(),
      transaction_id: setup.transaction.id,
      order_id: setup.transaction.orderId,
      external_order_id: setup.transaction.orderId,
      payment_link_id: null,
    });

    const delivered = await deliveryById(setup.delivery.id);
    expect(delivered).toMatchObject({ status: "succeeded", attemptCount: 1, lastStatusCode: 200, lockedUntil: null, nextAttemptAt: null });
    const [attempt] = await attemptsOf(setup.delivery.id);
    expect(attempt).toMatchObject({ attempt: 1, statusCode: 200, responseExcerpt: "ok", error: null });
    // Delivered when the answer came: the attempt's start on the scheduler's clock plus its duration.
    expect(delivered.deliveredAt).toEqual(at(now, attempt!.durationMs));
  });

  it("receiver down, then up: delivered on a later attempt with the same delivery id and event id", async () => {
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    await receiver.stop();
    const eventId = (JSON.parse(setup.delivery.body) as { id: string }).id;
    try {
      expect(await deliverDueWebhooks({ now, random: noJitter })).toMatchObject({ claimed: 1, retrying: 1 });
    } finally {
      await receiver.start();
    }
    const waiting = await deliveryById(setup.delivery.id);
    expect(waiting).toMatchObject({ status: "pending", attemptCount: 1, lastStatusCode: null, deliveredAt: null });
    expect(waiting.lastError).toMatch(/ECONNREFUSED/);
    expect(waiting.nextAttemptAt!.getTime() - now.getTime()).toBeGreaterThanOrEqual(30_000);

    expect(await deliverDueWebhooks({ now: at(now, 29_000), random: noJitter })).toMatchObject({ claimed: 0 });
    const before = receiver.received.length;
    expect(await deliverDueWebhooks({ now: at(now, 31_000), random: noJitter })).toMatchObject({ succeeded: 1 });

    expect(receiver.received.slice(before).map((r) => r.headers["x-khqr-delivery-id"])).toEqual([setup.delivery.id]);
    expect(receiver.received.slice(before).map((r) => r.headers["x-khqr-event-id"])).toEqual([eventId]);
    expect((await attemptsOf(setup.delivery.id)).map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, null],
      [2, 200],
    ]);
  });

  it("receiver slower than the timeout: the attempt fails and is retried (default timeout 10 000 ms)", async () => {
    expect(WEBHOOK_TIMEOUT_MS).toBe(10_000);
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    receiver.replyNext({ status: 200, delayMs: 1_000 });
    const before = receiver.received.length;

    expect(await deliverDueWebhooks({ now, timeoutMs: 150, random: noJitter })).toMatchObject({ retrying: 1 });
    const [first] = await attemptsOf(setup.delivery.id);
    expect(first).toMatchObject({ attempt: 1, statusCode: null });
    expect(first!.error).toMatch(/within 150 ms/);
    expect(first!.durationMs).toBeLessThan(1_000);

    expect(await deliverDueWebhooks({ now: at(now, 40_000), timeoutMs: 150, random: noJitter })).toMatchObject({ succeeded: 1 });
    const ids = receiver.received.slice(before).map((r) => r.headers["x-khqr-delivery-id"]);
    expect(ids).toEqual([setup.delivery.id, setup.delivery.id]);
  });

  it("retry delays spread ±20% around the schedule, so endpoints that fail together do not all retry together", () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, () => 0))).toEqual([24_000, 96_000, 480_000, 2_880_000]);
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, () => 0.75))).toEqual([33_000, 132_000, 660_000, 3_960_000]);
    expect(retryDelayMs(WEBHOOK_MAX_ATTEMPTS, () => 0.75)).toBeNull();
  });

  it("receiver answers 500 every time: failed after exactly 5 attempts, on the documented schedule", async () => {
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    receiver.replyNext({ status: 500, body: "boom" }, WEBHOOK_MAX_ATTEMPTS);
    const before = receiver.received.length;

    const expectedGaps = [30_000, 120_000, 600_000, 3_600_000];
    let clock = now;
    for (let attempt = 1; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
      const summary = await deliverDueWebhooks({ now: clock, random: noJitter });
      expect(summary.claimed).toBe(1);
      const delivery = await deliveryById(setup.delivery.id);
      expect(delivery.attemptCount).toBe(attempt);
      if (attempt < WEBHOOK_MAX_ATTEMPTS) {
        expect(delivery.status).toBe("pending");
        const gap = delivery.nextAttemptAt!.getTime() - clock.getTime();
        expect(gap).toBeGreaterThanOrEqual(expectedGaps[attempt - 1]!);
        expect(gap).toBeLessThan(expectedGaps[attempt - 1]! + 1_000);
        clock = delivery.nextAttemptAt!;
      }
    }

    const failed = await deliveryById(setup.delivery.id);
    expect(failed).toMatchObject({
      status: "failed",
      attemptCount: 5,
      lastStatusCode: 500,
      lastError: "HTTP 500",
      nextAttemptAt: null,
      deliveredAt: null,
    });
    expect(receiver.received.length - before).toBe(5);
    expect(await deliverDueWebhooks({ now: at(clock, 86_400_000) })).toMatchObject({ claimed: 0 });
    const attempts = await attemptsOf(setup.delivery.id);
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(attempts.every((a) => a.responseExcerpt === "boom")).toBe(true);
    const db = await getDb();
    const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, setup.endpointId));
    expect(endpoint).toMatchObject({ consecutiveFailures: 1, enabled: true });
  });

  it("process killed between marking paid and delivering: the outbox row is there, a fresh sender delivers it", async () => {
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    // The payment's commit wrote the delivery; nothing has sent it (the process "died" right after).
    expect(await deliveryById(setup.delivery.id)).toMatchObject({ status: "pending", attemptCount: 0 });

    const before = receiver.received.length;
    expect(await deliverDueWebhooks({ now: at(now, 5_000) })).toMatchObject({ succeeded: 1 });
    expect(receiver.received.slice(before).map((r) => r.headers["x-khqr-delivery-id"])).toEqual([setup.delivery.id]);
  });

  it("process killed in the middle of an attempt: the lease runs out and the attempt is made again, same delivery id", async () => {
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    // Claimed (lease taken, attempt counted) by a process that then died before sending.
    expect(await claimDueDeliveries({ now, limit: 10, deliveryIds: [setup.delivery.id] })).toHaveLength(1);

    expect(await deliverDueWebhooks({ now: at(now, DELIVERY_LEASE_MS - 1_000) })).toMatchObject({ claimed: 0 });
    const before = receiver.received.length;
    expect(await deliverDueWebhooks({ now: at(now, DELIVERY_LEASE_MS + 1_000) })).toMatchObject({ succeeded: 1 });
    expect(receiver.received.slice(before).map((r) => r.headers["x-khqr-delivery-id"])).toEqual([setup.delivery.id]);
    expect(await deliveryById(setup.delivery.id)).toMatchObject({ status: "succeeded", attemptCount: 2 });
  });

  it("a redirect is not followed and counts as a failed attempt", async () => {
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    receiver.replyNext({ status: 302, headers: { location: `http://127.0.0.1:${receiver.port}/elsewhere` } });
    const before = receiver.received.length;

    expect(await deliverDueWebhooks({ now, random: noJitter })).toMatchObject({ retrying: 1 });
    expect(receiver.received.length - before).toBe(1);
    const delivery = await deliveryById(setup.delivery.id);
    expect(delivery).toMatchObject({ status: "pending", lastStatusCode: 302 });
    expect(delivery.lastError).toMatch(/redirect .*not followed/);
  });

  it("keeps only a short excerpt of a large response body", async () => {
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    receiver.replyNext({ status: 200, body: "x".repeat(100_000) });

    expect(await deliverDueWebhooks({ now })).toMatchObject({ succeeded: 1 });
    const [attempt] = await attemptsOf(setup.delivery.id);
    expect(attempt!.responseExcerpt!.length).toBe(2_048);
  });

  it("keeps the first 500 characters of a long error", async () => {
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    const location = `http://127.0.0.1:${receiver.port}/${"a".repeat(1_000)}`;
    receiver.replyNext({ status: 302, headers: { location } });

    expect(await deliverDueWebhooks({ now, random: noJitter })).toMatchObject({ retrying: 1 });

    const fullError = `HTTP 302: redirect to ${location} not followed; point the endpoint at the final URL`;
    const kept = fullError.slice(0, 500);
    expect((await deliveryById(setup.delivery.id)).lastError).toBe(kept);
    expect((await attemptsOf(setup.delivery.id)).map((a) => a.error)).toEqual([kept]);
    // Nothing else is due in this file's later tests.
    await deleteWebhookEndpoint(setup.merchant.userId, setup.endpointId);
  });

  it("an attempt whose lease ran out and was taken over is logged, but changes neither the delivery nor the endpoint", async () => {
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    const db = await getDb();
    await db.update(webhookEndpoints).set({ consecutiveFailures: 3 }).where(eq(webhookEndpoints.id, setup.endpointId));
    const [stale] = await claimDueDeliveries({ now, limit: 1, deliveryIds: [setup.delivery.id] });
    const [current] = await claimDueDeliveries({ now: at(now, DELIVERY_LEASE_MS + 1_000), limit: 1, deliveryIds: [setup.delivery.id] });
    expect([stale?.delivery.attemptCount, current?.delivery.attemptCount]).toEqual([1, 2]);

    // The first claimer's attempt comes back late, and succeeds.
    expect(await sendClaimedDelivery(stale!, { now })).toMatchObject({ attempt: 1, state: "succeeded" });

    expect((await attemptsOf(setup.delivery.id)).map((a) => [a.attempt, a.statusCode])).toEqual([[1, 200]]);
    expect(await deliveryById(setup.delivery.id)).toMatchObject({
      status: "pending",
      attemptCount: 2,
      lockedUntil: current!.delivery.lockedUntil,
      lastStatusCode: null,
      deliveredAt: null,
    });
    const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, setup.endpointId));
    expect(endpoint).toMatchObject({ consecutiveFailures: 3, enabled: true });
    await deleteWebhookEndpoint(setup.merchant.userId, setup.endpointId);
  });

  it("a stored body without an event id (written before events had ids) is sent without X-KHQR-Event-Id", async () => {
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    const db = await getDb();
    const bodies = [JSON.stringify({ event: "transaction.paid", transaction_id: setup.transaction.id }), "legacy body, not JSON"];
    const ids = [randomUUID(), randomUUID()];
    await db.delete(webhookDeliveries).where(eq(webhookDeliveries.id, setup.delivery.id));
    await db.insert(webhookDeliveries).values(
      ids.map((id, i) => ({
        id,
        endpointId: setup.endpointId,
        transactionId: null,
        event: "transaction.paid",
        body: bodies[i]!,
        nextAttemptAt: now,
      })),
    );
    const before = receiver.received.length;

    expect(await deliverDueWebhooks({ now })).toMatchObject({ claimed: 2, succeeded: 2 });

    const received = receiver.received.slice(before);
    expect(received.map((r) => r.rawBody).sort()).toEqual([...bodies].sort());
    for (const request of received) {
      expect(request.headers["x-khqr-delivery-id"]).toBeDefined();
      expect(request.headers).not.toHaveProperty("x-khqr-event-id");
    }
  });
});
