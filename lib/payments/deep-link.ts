import { payPageUrl } from "@/lib/config/app-url";
import type { Mode } from "@/lib/config/enums";
import { log } from "@/lib/log";
import { bakongClientFor } from "./bakong-clients";
import { reserveBakongCalls } from "./bakong-state";

const CACHE_LIMIT = 500;
// A page's link never changes, so one Bakong call per payment page serves every visit to it.
const cache = new Map<string, string>();

/**
 * A link that opens the payment straight in the customer's Bakong bank app, for live QRs; null for
 * sandbox QRs, without a Bakong token, when the Bakong call budget is spent, or when Bakong does not answer in time. The callback and icon URLs
 * are built from APP_URL alone, never a request's headers, so no visitor can change what later visitors
 * (who are served the cached link) are sent to.
 */
export async function bakongDeepLink(payment: { md5: string; publicId: string; qr: string; mode: Mode }): Promise<string | null> {
  if (payment.mode === "test") return null;
  const pageUrl = payPageUrl(payment.publicId);
  const cached = cache.get(pageUrl);
  if (cached) return cached;
  try {
    // A Bakong call like any other: out of the shared budget, and skipped (no link) when it is spent.
    if ((await reserveBakongCalls("live", 1)) === 0) return null;
    // Stryker disable next-line StringLiteral: equivalent, bakongClientFor gives the live client for every mode but "test"
    const link = await bakongClientFor("live").deepLinkForQr(payment.qr, {
      appName: "KHQR Pay",
      appIconUrl: new URL("/icon.svg", pageUrl).toString(),
      appDeepLinkCallback: pageUrl,
    });
    if (link) {
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(pageUrl, link);
    }
    return link;
  } catch (error) {
    log("warn", "bakong_deep_link_failed", { md5: payment.md5, error_message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}
