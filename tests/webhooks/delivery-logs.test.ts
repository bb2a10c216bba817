import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import {
  claimDueDeliveries,
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  deliverDueWebhooks,
  DISABLE_AFTER_CONSECUTIVE_FAILURES,
  setWebhookEndpointEnabled,
  WEBHOOK_MAX_ATTEMPTS,
} from "@/lib/webhooks";
import { DISABLED_BY_MERCHANT } from "@/lib/webhooks/endpoints/set-endpoint-enabled";
import { sendClaimedDelivery } from "@/lib/webhooks/send-delivery";
import { createTestMerchant } from "../helpers/merchant";
import { deliveryById, paidWithEndpoint } from "./fixtures";
import { startReceiver, type Receiver } from "./receiver";

const logged = vi.hoisted(() => [] as { level: string; msg: string; fields?: Record<string, unknown> }[]);
vi.mock("@/lib/log", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/log")>()),
  log: (level: string, msg: string, fields?: Record<string, unknown>) => logged.push({ level, msg, fields }),
}));

const linesOf = (msg: string) => logged.filter((line) => line.msg === msg);
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const noJitter = () => 0.5;

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});
beforeEach(async () => {
  logged.length = 0;
  // Each test sends only its own deliveries.
  await (await getDb()).delete(webhookDeliveries);
});

async function attemptOf(deliveryId: string) {
  const db = await getDb();
  const [attempt] = await db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId));
  if (!attempt) throw new Error(`no attempt of ${deliveryId}`);
  return attempt;
}

async function endpointRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row;
}

/** A receiver that holds every request until the test releases it. */
async function startHeldReceiver() {
  let arrived!: () => void;
  const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      arrived();
      void released.then(() => response.writeHead(200).end("ok"));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requestArrived,
    release,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe("webhook delivery logs", () => {
  it("each attempt is logged: info when answered with 2xx, warn otherwise, with the delivery, endpoint, attempt and outcome", async () => {
    const now = new Date();
    const setup = await paidWithEndpoint(receiver.url, now);
    receiver.replyNext({ status: 503 });

    await deliverDueWebhooks({ now, random: noJitter });
    const failedAttempt = await attemptOf(setup.delivery.id);
    await deliverDueWebhooks({ now: at(now, 60_000), random: noJitter });

    const delivered = await deliveryById(setup.delivery.id);
    expect(delivered).toMatchObject({ status: "succeeded", attemptCount: 2 });
    const lines = linesOf("webhook_attempt");
    expect(lines).toEqual([
      {
        level: "warn",
        msg: "webhook_attempt",
        fields: {
          delivery_id: setup.delivery.id,
          endpoint_id: setup.endpointId,
          event: "transaction.paid",
          attempt: 1,
          state: "retrying",
          status_code: 503,
          duration_ms: failedAttempt.durationMs,
          error: "HTTP 503",
        },
      },
      {
        level: "info",
        msg: "webhook_attempt",
        fields: {
          delivery_id: setup.delivery.id,
          endpoint_id: setup.endpointId,
          event: "transaction.paid",
          attempt: 2,
          state: "succeeded",
          status_code: 200,
          duration_ms: expect.any(Number),
          error: null,
        },
      },
    ]);
  });

  it(`an endpoint disabled after ${DISABLE_AFTER_CONSECUTIVE_FAILURES} failed deliveries in a row is logged once, when it happens, with the reason stored`, async () => {
    expect(DISABLE_AFTER_CONSECUTIVE_FAILURES).toBe(20);
    const now = new Date();
    const merchant = await createTestMerchant();
    const endpoint = await createWebhookEndpoint(merchant.userId, { url: receiver.url, mode: "test" });
    const db = await getDb();
    // 18 deliveries in a row have already failed; three more are each at their last attempt.
    await db.update(webhookEndpoints).set({ consecutiveFailures: 18 }).where(eq(webhookEndpoints.id, endpoint.id));
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    await db.insert(webhookDeliveries).values(
      ids.map((id, i) => ({
        id,
        endpointId: endpoint.id,
        transactionId: null,
        event: "transaction.paid",
        body: JSON.stringify({ id: `evt_${i}` }),
        attemptCount: WEBHOOK_MAX_ATTEMPTS - 1,
        nextAttemptAt: at(now, i - 10),
      })),
    );
    receiver.replyNext({ status: 500 }, 3);

    // The 19th failure: not yet.
    expect(await deliverDueWebhooks({ now, limit: 1 })).toMatchObject({ claimed: 1, failed: 1 });
    expect(await endpointRow(endpoint.id)).toMatchObject({ consecutiveFailures: 19, enabled: true, disabledReason: null });
    expect(linesOf("webhook_endpoint_disabled")).toEqual([]);

    // The third delivery is already on its way (claimed) when the 20th failure disables the endpoint.
    const [inFlight] = await claimDueDeliveries({ now, limit: 1, deliveryIds: [ids[2]!] });
    expect(await deliverDueWebhooks({ now, limit: 1 })).toMatchObject({ claimed: 1, failed: 1 });

    const finishedAt = at(now, (await attemptOf(ids[1]!)).durationMs);
    expect(await endpointRow(endpoint.id)).toMatchObject({
      consecutiveFailures: 20,
      enabled: false,
      disabledReason: `Disabled automatically on ${finishedAt.toISOString()} after 20 deliveries in a row failed all their attempts (last error: HTTP 500). Fix the endpoint, then enable it: waiting deliveries are sent then.`,
    });
    expect(linesOf("webhook_endpoint_disabled")).toEqual([
      { level: "warn", msg: "webhook_endpoint_disabled", fields: { endpoint_id: endpoint.id, consecutive_failures: 20 } },
    ]);

    // Its failure counts, but the endpoint was disabled already: no second line, the reason kept.
    const reason = (await endpointRow(endpoint.id))!.disabledReason;
    expect(await sendClaimedDelivery(inFlight!, { now: at(now, 1_000) })).toMatchObject({ state: "failed" });
    expect(await endpointRow(endpoint.id)).toMatchObject({ consecutiveFailures: 21, enabled: false, disabledReason: reason });
    expect(linesOf("webhook_endpoint_disabled")).toHaveLength(1);
  });

  it("an endpoint the merchant disabled while its 20th failure was in flight keeps the merchant's reason and logs nothing", async () => {
    const now = new Date();
    const merchant = await createTestMerchant();
    const endpoint = await createWebhookEndpoint(merchant.userId, { url: receiver.url, mode: "test" });
    const db = await getDb();
    await db.update(webhookEndpoints).set({ consecutiveFailures: 19 }).where(eq(webhookEndpoints.id, endpoint.id));
    const id = randomUUID();
    await db.insert(webhookDeliveries).values({
      id,
      endpointId: endpoint.id,
      transactionId: null,
      event: "transaction.paid",
      body: JSON.stringify({ id: "evt_in_flight" }),
      attemptCount: WEBHOOK_MAX_ATTEMPTS - 1,
      nextAttemptAt: at(now, -10),
    });
    const [inFlight] = await claimDueDeliveries({ now, limit: 1, deliveryIds: [id] });
    await setWebhookEndpointEnabled(merchant.userId, endpoint.id, false);
    receiver.replyNext({ status: 500 });

    expect(await sendClaimedDelivery(inFlight!, { now })).toMatchObject({ state: "failed" });
    expect(await endpointRow(endpoint.id)).toMatchObject({ consecutiveFailures: 20, enabled: false, disabledReason: DISABLED_BY_MERCHANT });
    expect(linesOf("webhook_endpoint_disabled")).toEqual([]);
  });

  it("when recording an attempt fails, the pass goes on and logs webhook_delivery_failed with the delivery id", async () => {
    const held = await startHeldReceiver();
    try {
      const now = new Date();
      const setup = await paidWithEndpoint(held.url, now);
      const pass = deliverDueWebhooks({ now });
      await held.requestArrived;
      // The endpoint (and with it the delivery) is deleted while the receiver is still answering.
      await deleteWebhookEndpoint(setup.merchant.userId, setup.endpointId);
      held.release();

      expect(await pass).toEqual({ claimed: 1, succeeded: 0, retrying: 0, failed: 0 });
      const lines = linesOf("webhook_delivery_failed");
      expect(lines).toEqual([
        {
          level: "error",
          msg: "webhook_delivery_failed",
          fields: expect.objectContaining({ delivery_id: setup.delivery.id, error_message: expect.any(String) }),
        },
      ]);
      expect(linesOf("webhook_attempt")).toEqual([]);
    } finally {
      await held.close();
    }
  });
});
