import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deliveryHeaders } from "@/lib/webhooks/sign";

const input = { deliveryId: "dlv_1", event: "transaction.paid", body: '{"id":"evt_1"}', secret: "whsec_abc", timestamp: 1_700_000_000 };

describe("delivery headers", () => {
  it("sign t.<body> with the endpoint's secret and name the delivery, the event and its id", () => {
    const headers = deliveryHeaders({ ...input, eventId: "evt_1" });
    const v1 = createHmac("sha256", "whsec_abc").update(`1700000000.${input.body}`).digest("hex");
    expect(headers).toEqual({
      "content-type": "application/json",
      "user-agent": "KHQR-Pay-Webhooks/1.0",
      "x-khqr-signature": `t=1700000000,v1=${v1}`,
      "x-khqr-timestamp": "1700000000",
      "x-khqr-delivery-id": "dlv_1",
      "x-khqr-event-id": "evt_1",
      "x-khqr-event": "transaction.paid",
    });
  });

  it("a body without an event id gives no event-id header, not an empty or 'null' one", () => {
    expect(Object.keys(deliveryHeaders({ ...input, eventId: null }))).not.toContain("x-khqr-event-id");
  });
});
