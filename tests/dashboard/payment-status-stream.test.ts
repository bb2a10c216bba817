import { describe, expect, it } from "vitest";
import { GET as eventsRoute } from "@/app/pay/[id]/events/route";
import { checkTransaction, createQr, simulatePayment, watchPaymentStatus } from "@/lib/payments";
import { createTestMerchant } from "../helpers/merchant";

type StatusEvent = { status: string; paid_at: string | null };

/** Reads Server-Sent Events as a browser's EventSource would, until the server closes the stream. */
async function* statusEvents(response: Response): AsyncGenerator<StatusEvent> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = /^event: status\ndata: (.*)$/m.exec(block)?.[1];
      if (data) yield JSON.parse(data) as StatusEvent;
    }
  }
}

/** Opens a payment page's event stream, as the page does, by the public id at the end of its pay_url. */
const open = (payUrl: string, signal = new AbortController().signal) => {
  const id = new URL(payUrl).pathname.split("/").pop()!;
  return eventsRoute(new Request(`http://localhost/pay/${id}/events`, { signal }), { params: Promise.resolve({ id }) });
};

describe("the payment page's live status stream", () => {
  it("sends the status now, then paid the moment the payment settles, and closes", async () => {
    const merchant = await createTestMerchant();
    const qr = await createQr(merchant.test, { amount: 2 });
    const response = await open(qr.pay_url);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = statusEvents(response);
    expect((await events.next()).value).toMatchObject({ status: "pending" });

    await simulatePayment(merchant.test, { md5: qr.md5 });
    await checkTransaction(merchant.test, qr.md5);

    const paid = await events.next();
    expect(paid.value).toMatchObject({ status: "paid" });
    expect(paid.value?.paid_at).toEqual(expect.any(String));
    expect((await events.next()).done).toBe(true);
  });

  it("answers a settled payment with its status and closes at once; an unknown md5 is 404", async () => {
    const merchant = await createTestMerchant();
    const qr = await createQr(merchant.test, { amount: 3 });
    await simulatePayment(merchant.test, { md5: qr.md5 });
    await checkTransaction(merchant.test, qr.md5);
    const seen = [];
    for await (const event of statusEvents(await open(qr.pay_url))) seen.push(event.status);
    expect(seen).toEqual(["paid"]);
    expect((await open(`http://localhost/pay/${"0".repeat(64)}`)).status).toBe(404);
  });

  it("is fed by the settling transaction itself: a watcher hears the commit, not a timer", async () => {
    const merchant = await createTestMerchant();
    const qr = await createQr(merchant.test, { amount: 4 });
    const calls: string[] = [];
    let heard: () => void = () => {};
    const next = () => new Promise<void>((resolve) => (heard = resolve));
    let listening = next();
    const stop = watchPaymentStatus(qr.md5, () => {
      calls.push("called");
      heard();
    });
    await listening;
    listening = next();
    await simulatePayment(merchant.test, { md5: qr.md5 });
    expect(calls).toHaveLength(1);
    await checkTransaction(merchant.test, qr.md5);
    await listening;
    stop();
    expect(calls).toHaveLength(2);
  });
});
