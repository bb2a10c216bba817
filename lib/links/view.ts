import { appUrl } from "@/lib/config/app-url";
import type { PaymentLink } from "@/lib/db/schema";
import { amountForResponse } from "@/lib/payments";
import { linkStatus, paymentLinkUrl } from "./link-state";

export type LinkTotals = { count: number; total: string | null };

/** A payment link as the API answers it. */
export function paymentLinkView(link: PaymentLink, totals: LinkTotals, now: Date = new Date()) {
  return {
    id: link.id,
    url: paymentLinkUrl(appUrl(), link.slug),
    mode: link.mode,
    title: link.title,
    description: link.description,
    currency: link.currency,
    amount: amountForResponse(link.amount),
    min_amount: amountForResponse(link.minAmount),
    max_amount: amountForResponse(link.maxAmount),
    bill_number_prefix: link.billNumberPrefix,
    reusable: link.reusable,
    expires_at: link.expiresAt?.toISOString() ?? null,
    success_url: link.successUrl,
    status: linkStatus(link, now),
    payments: { count: totals.count, total: Number(totals.total ?? 0) },
    created_at: link.createdAt.toISOString(),
  };
}
export type PaymentLinkView = ReturnType<typeof paymentLinkView>;
