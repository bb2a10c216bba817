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
      field: "url",
    });
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

  it("refuses a test event to a disabled endpoint", async () => {
    const merchant = await createTestMerchant();
    const endpoint = await createWebhookEndpoint(merchant.userId, { url: receiver.url, mode: "test" });
    await setWebhookEndpointEnabled(merchant.userId, endpoint.id, false);
    await expect(sendWebhookTestEvent(merchant.userId, endpoint.id)).rejects.toMatchObject({ code: "conflict" });
  });

  it("Resend: the same body and event id again as a new delivery with five fresh attempts", async () => {
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    await expect(resendWebhookDelivery(setup.merchant.userId, setup.delivery.id)).rejects.toMatchObject({ code: "conflict" });
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
    await expect(resendWebhookDelivery(merchant.userId, randomUUID())).rejects.toMatchObject({ code: "not_found" });
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
