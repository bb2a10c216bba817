import type { Mode } from "@/lib/config/enums";
import { log } from "@/lib/log";
import { liveBakongClient } from "./bakong-clients";

const CACHE_LIMIT = 500;
// A QR's link never changes, so one Bakong call per QR serves every visit to its payment page.
const cache = new Map<string, string>();

/**
 * A link that opens the payment straight in the customer's Bakong bank app, for live QRs; null for
 * sandbox QRs, without a Bakong token, or when Bakong does not answer in time.
 */
export async function bakongDeepLink(payment: { md5: string; qr: string; mode: Mode }, pageUrl: string): Promise<string | null> {
  if (payment.mode === "test") return null;
  const cached = cache.get(payment.md5);
  if (cached) return cached;
  try {
    const link = await liveBakongClient().deepLinkForQr(payment.qr, {
      appName: "KHQR Pay",
      appIconUrl: new URL("/icon.svg", pageUrl).toString(),
      appDeepLinkCallback: pageUrl,
    });
    if (link) {
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(payment.md5, link);
    }
    return link;
  } catch (error) {
    log("warn", "bakong_deep_link_failed", { md5: payment.md5, error_message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}
