import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  MAX_ENDPOINTS_PER_MODE,
  ENDPOINT_STATS_WINDOW_DAYS,
  resendWebhookDelivery,
  revealWebhookSecret,
  rotateWebhookSecret,
  sendWebhookTestEvent,
  setWebhookEndpointEnabled,
  signatureHeader,
  deliverDueWebhooks,
} from "@/lib/webhooks";
import { createTestMerchant } from "../helpers/merchant";
import { deliveriesOf, deliveryById, paidWithEndpoint, payNewQr } from "./fixtures";
import { startReceiver, type Receiver } from "./receiver";

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});

async function endpointRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row;
}

async function deliveriesTo(endpointId: string) {
  const db = await getDb();
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(webhookDeliveries.createdAt);
}

async function endpointCount(userId: string) {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(webhookEndpoints).where(eq(webhookEndpoints.userId, userId));
  return row?.n;
}

const ENDPOINT_GONE = { code: "not_found", message: "That webhook endpoint no longer exists." };
const DELIVERY_GONE = { code: "not_found", message: "That webhook delivery no longer exists." };

describe("endpoint management", () => {
  it("creates an endpoint with a whsec_ secret that is revealed on demand and rotates", async () => {
    const merchant = await createTestMerchant();
    const created = await createWebhookEndpoint(merchant.userId, { url: receiver.url, mode: "live" });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{32,}$/);
    expect(await revealWebhookSecret(merchant.userId, created.id)).toBe(created.secret);

    const rotated = await rotateWebhookSecret(merchant.userId, created.id);
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(created.secret);
    expect(await revealWebhookSecret(merchant.userId, created.id)).toBe(rotated);

    const [listed] = await listWebhookEndpoints(merchant.userId);
    expect(listed).toMatchObject({
      id: created.id,
      mode: "live",
      url: receiver.url,
      enabled: true,
      disabledReason: null,
      stats: { succeeded: 0, failed: 0, pending: 0, lastDeliveryAt: null },
    });
    expect(JSON.stringify(listed)).not.toContain(rotated);
  });

  it("reports a bad URL against the url field", async () => {
    const merchant = await createTestMerchant();
    const error = await createWebhookEndpoint(merchant.userId, { url: "ftp://example.com", mode: "test" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input", field: "url" });
  });

  it(`allows at most ${MAX_ENDPOINTS_PER_MODE} endpoints per mode`, async () => {
    const merchant = await createTestMerchant();
    for (let i = 0; i < MAX_ENDPOINTS_PER_MODE; i++)
      await createWebhookEndpoint(merchant.userId, { url: `${receiver.url}?n=${i}`, mode: "test" });
    await expect(createWebhookEndpoint(merchant.userId, { url: receiver.url, mode: "test" })).rejects.toMatchObject({
      code: "conflict",
      message: `You already have ${MAX_ENDPOINTS_PER_MODE} test endpoints; delete one first.`,
      field: "url",
    });
    expect(await endpointCount(merchant.userId)).toBe(MAX_ENDPOINTS_PER_MODE);
    await expect(createWebhookEndpoint(merchant.userId, { url: receiver.url, mode: "live" })).resolves.toMatchObject({ mode: "live" });
  });

  it("another merchant's endpoint and deliveries cannot be reached by id", async () => {
    const setup = await paidWithEndpoint(receiver.url);
    const intruder = await createTestMerchant();
    const id = setup.endpointId;
    await expect(revealWebhookSecret(intruder.userId, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(rotateWebhookSecret(intruder.userId, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(setWebhookEndpointEnabled(intruder.userId, id, false)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteWebhookEndpoint(intruder.userId, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(sendWebhookTestEvent(intruder.userId, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(listWebhookDeliveries(intruder.userId, id)).rejects.toMatchObject({ code: "not_found" });
    await deliverDueWebhooks();
    await expect(resendWebhookDelivery(intruder.userId, setup.delivery.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(revealWebhookSecret(intruder.userId, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
    expect(await listWebhookEndpoints(intruder.userId)).toEqual([]);

    const row = await endpointRow(id);
    expect(row).toMatchObject({ enabled: true, secret: setup.secret });
  });

  it("disabling stops sending and queues nothing new; enabling resets the failure count and sends what waited", async () => {
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    const db = await getDb();
    await db.update(webhookEndpoints).set({ consecutiveFailures: 7 }).where(eq(webhookEndpoints.id, setup.endpointId));

    await setWebhookEndpointEnabled(setup.merchant.userId, setup.endpointId, false);
    expect(await endpointRow(setup.endpointId)).toMatchObject({ enabled: false, disabledReason: "Disabled from the dashboard." });
    expect(await deliverDueWebhooks({ now })).toMatchObject({ claimed: 0 });
    const paidWhileDisabled = await payNewQr(setup.merchant, now);
    expect(await deliveriesOf(paidWhileDisabled.id)).toEqual([]);

    await setWebhookEndpointEnabled(setup.merchant.userId, setup.endpointId, true);
    expect(await endpointRow(setup.endpointId)).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
    expect(await deliverDueWebhooks({ now })).toMatchObject({ succeeded: 1 });
  });

  it("an id that is not a UUID, or a UUID of no endpoint, is answered 'no longer exists' and changes nothing", async () => {
    const setup = await paidWithEndpoint(receiver.url);
    const { userId } = setup.merchant;
    const before = await endpointRow(setup.endpointId);
    const receivedBefore = receiver.received.length;

    for (const id of ["not-a-uuid", randomUUID()]) {
      await expect(revealWebhookSecret(userId, id)).rejects.toMatchObject(ENDPOINT_GONE);
      await expect(rotateWebhookSecret(userId, id)).rejects.toMatchObject(ENDPOINT_GONE);
      await expect(setWebhookEndpointEnabled(userId, id, false)).rejects.toMatchObject(ENDPOINT_GONE);
      await expect(setWebhookEndpointEnabled(userId, id, true)).rejects.toMatchObject(ENDPOINT_GONE);
      await expect(deleteWebhookEndpoint(userId, id)).rejects.toMatchObject(ENDPOINT_GONE);
      await expect(sendWebhookTestEvent(userId, id)).rejects.toMatchObject(ENDPOINT_GONE);
      await expect(listWebhookDeliveries(userId, id)).rejects.toMatchObject(ENDPOINT_GONE);
      await expect(resendWebhookDelivery(userId, id)).rejects.toMatchObject(DELIVERY_GONE);
    }

    expect(await endpointRow(setup.endpointId)).toEqual(before);
    expect(await endpointCount(userId)).toBe(1);
    expect((await deliveriesTo(setup.endpointId)).map((d) => d.id)).toEqual([setup.delivery.id]);
    expect(receiver.received.length).toBe(receivedBefore);
    // Leaves nothing due for the delivery passes of the tests below.
    await deleteWebhookEndpoint(userId, setup.endpointId);
  });

  it("deleting an endpoint removes its deliveries", async () => {
    const setup = await paidWithEndpoint(receiver.url);
    await deleteWebhookEndpoint(setup.merchant.userId, setup.endpointId);
    const db = await getDb();
    const [left] = await db.select({ n: count() }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, setup.endpointId));
    expect(left?.n).toBe(0);
    await expect(deleteWebhookEndpoint(setup.merchant.userId, setup.endpointId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("test events, delivery log and resend", () => {
  it("Send test event: a signed webhook.test is sent at once and shows in the delivery log", async () => {
    const merchant = await createTestMerchant();
    const endpoint = await createWebhookEndpoint(merchant.userId, { url: receiver.url, mode: "test" });
    const before = receiver.received.length;

    const sent = await sendWebhookTestEvent(merchant.userId, endpoint.id);

    expect(sent).toMatchObject({ attempt: 1, state: "succeeded", outcome: { ok: true, statusCode: 200 } });
    const request = receiver.received[before]!;
    expect(request.headers["x-khqr-event"]).toBe("webhook.test");
    const timestamp = Number(request.headers["x-khqr-timestamp"]);
    expect(request.headers["x-khqr-signature"]).toBe(signatureHeader(endpoint.secret, timestamp, request.rawBody));
    expect(JSON.parse(request.rawBody)).toMatchObject({
      id: request.headers["x-khqr-event-id"],
      event: "webhook.test",
      endpoint_id: endpoint.id,
      mode: "test",
    });

    const [logged] = await listWebhookDeliveries(merchant.userId, endpoint.id);
    expect(logged).toMatchObject({
      id: sent!.deliveryId,
      event: "webhook.test",
      status: "succeeded",
      attemptCount: 1,
      lastStatusCode: 200,
    });
    expect(logged!.attempts).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, responseExcerpt: "ok", error: null })]);
  });

  it("the test event's body tells the receiver what it is and when it was sent", async () => {
    const merchant = await createTestMerchant();
    const endpoint = await createWebhookEndpoint(merchant.userId, { url: receiver.url, mode: "live" });
    const now = new Date();
    const before = receiver.received.length;

    await sendWebhookTestEvent(merchant.userId, endpoint.id, now);

    expect(JSON.parse(receiver.received[before]!.rawBody)).toEqual({
      id: receiver.received[before]!.headers["x-khqr-event-id"],
      event: "webhook.test",
      endpoint_id: endpoint.id,
      mode: "live",
      sent_at: now.toISOString(),
      message: "Test event from KHQR Pay: verify the X-KHQR-Signature header and answer with any 2xx status.",
    });
  });

  it("refuses a test event to a disabled endpoint, and sends and stores nothing", async () => {
    const merchant = await createTestMerchant();
    const endpoint = await createWebhookEndpoint(merchant.userId, { url: receiver.url, mode: "test" });
    await setWebhookEndpointEnabled(merchant.userId, endpoint.id, false);
    const before = receiver.received.length;
    await expect(sendWebhookTestEvent(merchant.userId, endpoint.id)).rejects.toMatchObject({
      code: "conflict",
      message: "Enable the endpoint before sending it a test event.",
    });
    expect(await deliveriesTo(endpoint.id)).toEqual([]);
    expect(receiver.received.length).toBe(before);
  });

  it("the delivery log of an endpoint that has had none is empty, and a delivery not yet attempted lists no attempt", async () => {
    const merchant = await createTestMerchant();
    const endpoint = await createWebhookEndpoint(merchant.userId, { url: receiver.url, mode: "test" });
    expect(await listWebhookDeliveries(merchant.userId, endpoint.id)).toEqual([]);

    const transaction = await payNewQr(merchant, new Date());
    const [waiting] = await listWebhookDeliveries(merchant.userId, endpoint.id);
    expect(waiting).toMatchObject({ transactionId: transaction.id, status: "pending", attemptCount: 0, attempts: [] });
    // Leaves nothing due for the delivery passes of the tests below.
    await deleteWebhookEndpoint(merchant.userId, endpoint.id);
  });

  it("Resend: the same body and event id again as a new delivery with five fresh attempts", async () => {
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    await expect(resendWebhookDelivery(setup.merchant.userId, setup.delivery.id)).rejects.toMatchObject({
      code: "conflict",
      message: "This delivery is still being retried; wait for it to finish.",
    });
    expect((await deliveriesTo(setup.endpointId)).map((d) => d.id)).toEqual([setup.delivery.id]);
    await deliverDueWebhooks({ now });
    const before = receiver.received.length;

    const resent = await resendWebhookDelivery(setup.merchant.userId, setup.delivery.id);

    expect(resent).toMatchObject({ attempt: 1, state: "succeeded" });
    expect(resent!.deliveryId).not.toBe(setup.delivery.id);
    const request = receiver.received[before]!;
    expect(request.rawBody).toBe(setup.delivery.body);
    expect(request.headers["x-khqr-delivery-id"]).toBe(resent!.deliveryId);
    const original = receiver.received[before - 1]!;
    expect(original.headers["x-khqr-delivery-id"]).toBe(setup.delivery.id);
    expect(request.headers["x-khqr-event-id"]).toMatch(/^evt_[0-9a-f]{32}$/);
    expect(request.headers["x-khqr-event-id"]).toBe(original.headers["x-khqr-event-id"]);
    expect(JSON.parse(request.rawBody)).toMatchObject({ id: request.headers["x-khqr-event-id"] });
    expect(await deliveryById(resent!.deliveryId)).toMatchObject({ transactionId: setup.transaction.id, event: "transaction.paid" });
    expect((await listWebhookDeliveries(setup.merchant.userId, setup.endpointId)).map((d) => d.id)).toEqual([
      resent!.deliveryId,
      setup.delivery.id,
    ]);
  });

  it("an unknown delivery id is not found", async () => {
    const merchant = await createTestMerchant();
    await expect(resendWebhookDelivery(merchant.userId, randomUUID())).rejects.toMatchObject(DELIVERY_GONE);
  });

  it("refuses to resend to a disabled endpoint, and sends and stores nothing", async () => {
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    await deliverDueWebhooks({ now });
    await setWebhookEndpointEnabled(setup.merchant.userId, setup.endpointId, false);
    const before = receiver.received.length;

    await expect(resendWebhookDelivery(setup.merchant.userId, setup.delivery.id)).rejects.toMatchObject({
      code: "conflict",
      message: "Enable the endpoint before resending to it.",
    });

    expect((await deliveriesTo(setup.endpointId)).map((d) => d.id)).toEqual([setup.delivery.id]);
    expect(receiver.received.length).toBe(before);
  });
});

describe("endpoint stats", () => {
  const DAY = 86_400_000;

  async function addDelivery(endpointId: string, status: "pending" | "succeeded" | "failed", createdAt: Date) {
    const db = await getDb();
    await db.insert(webhookDeliveries).values({
      id: randomUUID(),
      endpointId,
      transactionId: null,
      event: "webhook.test",
      body: "{}",
      status,
      attemptCount: status === "pending" ? 0 : 1,
      // Never due: the delivery passes of other tests in this file must not pick these up.
      nextAttemptAt: null,
      createdAt,
    });
  }

  it(`count succeeded, failed and pending deliveries of the last ${ENDPOINT_STATS_WINDOW_DAYS} days separately, with the newest one's time`, async () => {
    expect(ENDPOINT_STATS_WINDOW_DAYS).toBe(7);
    const now = new Date("2026-05-13T12:00:00Z");
    const merchant = await createTestMerchant();
    const busy = await createWebhookEndpoint(merchant.userId, { url: `${receiver.url}?busy`, mode: "test" });
    const quiet = await createWebhookEndpoint(merchant.userId, { url: `${receiver.url}?quiet`, mode: "test" });
    const ago = (ms: number) => new Date(now.getTime() - ms);

    // Inside the window: 3 succeeded (one a minute from its start), 2 failed, 1 pending, the newest an hour ago.
    await addDelivery(busy.id, "succeeded", ago(7 * DAY - 60_000));
    await addDelivery(busy.id, "succeeded", ago(3 * DAY));
    await addDelivery(busy.id, "succeeded", ago(2 * DAY));
    await addDelivery(busy.id, "failed", ago(5 * DAY));
    await addDelivery(busy.id, "failed", ago(4 * DAY));
    await addDelivery(busy.id, "pending", ago(3_600_000));
    // Older than the window: not counted, and not the last delivery either.
    await addDelivery(busy.id, "succeeded", ago(7 * DAY + 60_000));
    await addDelivery(busy.id, "failed", ago(30 * DAY));
    await addDelivery(quiet.id, "succeeded", ago(8 * DAY));

    const listed = await listWebhookEndpoints(merchant.userId, now);

    expect(listed.map((endpoint) => [endpoint.id, endpoint.stats])).toEqual([
      [busy.id, { succeeded: 3, failed: 2, pending: 1, lastDeliveryAt: ago(3_600_000) }],
      [quiet.id, { succeeded: 0, failed: 0, pending: 0, lastDeliveryAt: null }],
    ]);
  });
});

describe("automatic disabling", () => {
  it("20 deliveries in a row failing all attempts disable the endpoint, with the reason; success resets the count", async () => {
    const start = new Date();
    const merchant = await createTestMerchant();
    const endpoint = await createWebhookEndpoint(merchant.userId, { url: receiver.url, mode: "test" });

    // One success after two failures resets the count.
    for (let i = 0; i < 2; i++) await payNewQr(merchant, start);
    receiver.replyNext({ status: 503 }, 2 * 5);
    let clock = start;
    for (let round = 0; round < 5; round++, clock = new Date(clock.getTime() + 2 * 3_600_000)) await deliverDueWebhooks({ now: clock });
    expect(await endpointRow(endpoint.id)).toMatchObject({ consecutiveFailures: 2, enabled: true });
    await payNewQr(merchant, clock);
    expect(await deliverDueWebhooks({ now: clock })).toMatchObject({ succeeded: 1 });
    expect(await endpointRow(endpoint.id)).toMatchObject({ consecutiveFailures: 0 });

    for (let i = 0; i < 20; i++) await payNewQr(merchant, clock);
    receiver.replyNext({ status: 500 }, 20 * 5);
    for (let round = 0; round < 5; round++) {
      clock = new Date(clock.getTime() + 2 * 3_600_000);
      expect(await deliverDueWebhooks({ now: clock })).toMatchObject({ claimed: 20 });
    }

    const disabled = await endpointRow(endpoint.id);
    expect(disabled).toMatchObject({ enabled: false, consecutiveFailures: 20 });
    expect(disabled!.disabledReason).toMatch(/20 deliveries in a row failed.*HTTP 500/);
    const [listed] = await listWebhookEndpoints(merchant.userId, clock);
    expect(listed).toMatchObject({ enabled: false, disabledReason: disabled!.disabledReason });
    const paidAfterwards = await payNewQr(merchant, clock);
    expect(await deliveriesOf(paidAfterwards.id)).toEqual([]);
  });
});
