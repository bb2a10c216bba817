import type { WebhookEndpoint } from "@/lib/db/schema";
import { newEventId } from "./outbox";

export const TEST_EVENT = "webhook.test";

/**
 * A distinct event name, not a fake transaction.paid: a handler that fulfils orders on transaction.paid
 * must never ship goods because the merchant pressed "Send test event".
 */
export function testEventBody(endpoint: Pick<WebhookEndpoint, "id" | "mode">, now: Date): string {
  return JSON.stringify({
    id: newEventId(),
    event: TEST_EVENT,
    endpoint_id: endpoint.id,
    mode: endpoint.mode,
    sent_at: now.toISOString(),
    message: "Test event from KHQR Pay: verify the X-KHQR-Signature header and answer with any 2xx status.",
  });
}
