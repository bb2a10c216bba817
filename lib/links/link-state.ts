import type { PaymentLink } from "@/lib/db/schema";

export type LinkStatus = "active" | "deactivated" | "used" | "expired";

/** Only an active link takes payments: not deactivated, not a single-use link already paid, not past its expiry. */
export function linkStatus(link: Pick<PaymentLink, "active" | "usedAt" | "expiresAt">, now: Date = new Date()): LinkStatus {
  if (!link.active) return "deactivated";
  if (link.usedAt) return "used";
  if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export function paymentLinkUrl(appOrigin: string, slug: string): string {
  return `${appOrigin}/l/${slug}`;
}
