import { createHmac } from "node:crypto";

export type DeliveryHeaderInput = {
  deliveryId: string;
  /** The event's id from the body: the same for every delivery, retry and resend of one event. */
  eventId: string | null;
  event: string;
  body: string;
  secret: string;
  /** Unix seconds of this attempt: each retry is signed afresh so receivers' replay windows accept it. */
  timestamp: number;
};

/** `t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, as published in the product brief. */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

export function deliveryHeaders(input: DeliveryHeaderInput): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "KHQR-Pay-Webhooks/1.0",
    "x-khqr-signature": signatureHeader(input.secret, input.timestamp, input.body),
    "x-khqr-timestamp": String(input.timestamp),
    "x-khqr-delivery-id": input.deliveryId,
    ...(input.eventId === null ? {} : { "x-khqr-event-id": input.eventId }),
    "x-khqr-event": input.event,
  };
}
