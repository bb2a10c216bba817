import { claimDueDeliveries } from "./claim-deliveries";
import { sendClaimedDelivery, type SendOptions, type SentAttempt } from "./send-delivery";

/**
 * Sends one due delivery right away (dashboard test events and resends), through the same claim as the
 * background sender: null when someone else holds it or it is not due.
 */
export async function deliverWebhookNow(deliveryId: string, options: SendOptions): Promise<SentAttempt | null> {
  const [claimed] = await claimDueDeliveries({ now: options.now, limit: 1, deliveryIds: [deliveryId] });
  return claimed ? sendClaimedDelivery(claimed, options) : null;
}
