import { errorFields, log } from "@/lib/log";
import { mapLimited } from "@/lib/std";
import { claimDueDeliveries } from "./claim-deliveries";
import { sendClaimedDelivery } from "./send-delivery";

const DEFAULT_DELIVERY_LIMIT = 100;
/** Receivers are answered in parallel so one slow endpoint (up to 10 s) does not hold the others. */
const SEND_CONCURRENCY = 10;

export type DeliverOptions = {
  now?: Date;
  limit?: number;
  /** Per attempt; the default is WEBHOOK_TIMEOUT_MS (10 s). Tests shorten it. */
  timeoutMs?: number;
  random?: () => number;
};

export type DeliverSummary = { claimed: number; succeeded: number; retrying: number; failed: number };

/** One delivery pass: claims due webhook attempts (leased, so no other instance sends them) and sends them. */
export async function deliverDueWebhooks(options: DeliverOptions = {}): Promise<DeliverSummary> {
  const now = options.now ?? new Date();
  const claimed = await claimDueDeliveries({ now, limit: options.limit ?? DEFAULT_DELIVERY_LIMIT });
  const summary: DeliverSummary = { claimed: claimed.length, succeeded: 0, retrying: 0, failed: 0 };
  await mapLimited(claimed, SEND_CONCURRENCY, async (delivery) => {
    try {
      const sent = await sendClaimedDelivery(delivery, { now, timeoutMs: options.timeoutMs, random: options.random });
      summary[sent.state] += 1;
    } catch (error) {
      // Recording failed (database): the lease runs out and the attempt is made again.
      log("error", "webhook_delivery_failed", { delivery_id: delivery.delivery.id, ...errorFields(error) });
    }
  });
  return summary;
}
