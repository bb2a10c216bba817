import { watchPaymentStatus } from "@/lib/payments";
import { getPublicPayment, getPublicPaymentStatus, type PublicPaymentStatus } from "./public-payment";

/** Re-read now and then even with the push channel: a NOTIFY missed while a connection was replaced is not lost. */
const REREAD_MS = 5_000;
/** A comment line keeps proxies from closing a quiet stream. */
const KEEPALIVE_MS = 15_000;
/** Long enough for any QR a customer is looking at; the browser reconnects if the page is still open. */
const MAX_STREAM_MS = 30 * 60_000;

const encoder = new TextEncoder();
const event = (status: PublicPaymentStatus) => encoder.encode(`event: status\ndata: ${JSON.stringify(status)}\n\n`);

/**
 * The payment page's live status as Server-Sent Events: the status now, then each change the moment the
 * settling transaction commits (PostgreSQL LISTEN/NOTIFY across instances), closing once it is settled.
 * Null for an unknown public id.
 */
export async function paymentStatusStream(publicId: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array> | null> {
  const payment = await getPublicPayment(publicId);
  if (!payment) return null;
  const { md5, status: initial } = payment;

  let cleanup = () => {};
  let closed = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let last = JSON.stringify(initial);
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        controller.close();
      };
      const send = (status: PublicPaymentStatus) => {
        if (closed) return;
        const text = JSON.stringify(status);
        if (text !== last) controller.enqueue(event(status));
        last = text;
        if (status.status !== "pending") close();
      };
      const reread = async () => {
        const status = await getPublicPaymentStatus(publicId).catch(() => null);
        if (status) send(status);
      };
      controller.enqueue(event(initial));
      if (initial.status !== "pending") return close();
      const unwatch = watchPaymentStatus(md5, () => void reread());
      const rereading = setInterval(() => void reread(), REREAD_MS);
      const keepalive = setInterval(() => !closed && controller.enqueue(encoder.encode(": keepalive\n\n")), KEEPALIVE_MS);
      const ending = setTimeout(close, MAX_STREAM_MS);
      cleanup = () => {
        unwatch();
        clearInterval(rereading);
        clearInterval(keepalive);
        clearTimeout(ending);
      };
      signal.addEventListener("abort", close, { once: true });
    },
    cancel() {
      closed = true;
      cleanup();
    },
  });
}
