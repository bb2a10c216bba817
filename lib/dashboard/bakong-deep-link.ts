import { bakongConfigFromEnv } from "@/lib/bakong";
import { log } from "@/lib/log";

// The payment page must not wait long on Bakong: without a link the QR still works.
const DEEP_LINK_TIMEOUT_MS = 3_000;
const CACHE_LIMIT = 500;
const cache = new Map<string, string>();

/**
 * A Bakong app link that opens the payment directly on the customer's phone (Bakong's
 * generate_deeplink_by_qr). Only for live QRs and only when a Bakong token is configured; null otherwise
 * or when Bakong does not answer in time.
 */
export async function bakongDeepLink(payment: { md5: string; qr: string; mode: "live" | "test" }, pageUrl: string): Promise<string | null> {
  if (payment.mode !== "live") return null;
  const config = bakongConfigFromEnv();
  if (!config.token) return null;
  const cached = cache.get(payment.md5);
  if (cached) return cached;
  try {
    const response = await fetch(new URL("/v1/generate_deeplink_by_qr", config.baseUrl), {
      method: "POST",
      headers: { Authorization: `Bearer ${config.token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ qr: payment.qr, sourceInfo: { appName: "KHQR Pay", appIconUrl: new URL("/icon.svg", pageUrl).toString(), appDeepLinkCallback: pageUrl } }),
      signal: AbortSignal.timeout(DEEP_LINK_TIMEOUT_MS),
    });
    const envelope = (await response.json()) as { responseCode?: number; data?: { shortLink?: unknown } };
    const link = envelope.responseCode === 0 && typeof envelope.data?.shortLink === "string" ? envelope.data.shortLink : null;
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
