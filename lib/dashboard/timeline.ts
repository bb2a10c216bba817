import type { TransactionDetail } from "./transaction-detail";

export type TimelineItem = { id: string; title: string; detail?: string; at: Date | null; tone: "neutral" | "good" | "bad" | "pending" };

function describeDetail(detail: unknown): string | undefined {
  if (!detail || typeof detail !== "object") return undefined;
  const problem = (detail as { problem?: unknown }).problem;
  return typeof problem === "string" ? problem : undefined;
}

/**
 * A transaction's history for people: its recorded events plus a summary of the Bakong checks (checks
 * are counted on the row rather than stored one by one) and what happens next while it is pending.
 */
export function buildTimeline({ transaction, events }: TransactionDetail, now: Date = new Date()): TimelineItem[] {
  const items: TimelineItem[] = [];
  for (const event of events) {
    switch (event.kind) {
      case "created":
        items.push({ id: event.id, title: "QR code created", at: event.createdAt, tone: "neutral" });
        break;
      case "paid":
        items.push({
          id: event.id,
          title: "Paid",
          detail: "Bakong confirmed the payment to your account.",
          at: transaction.paidAt ?? event.createdAt,
          tone: "good",
        });
        break;
      case "paid_after_expiry":
        items.push({
          id: event.id,
          title: "Paid after the expiry time",
          detail: "Accepted: the customer paid a QR created before it expired.",
          at: transaction.paidAt ?? event.createdAt,
          tone: "good",
        });
        break;
      case "expired":
        items.push({
          id: event.id,
          title: "Expired",
          detail: "A final check after the expiry time found no payment.",
          at: event.createdAt,
          tone: "neutral",
        });
        break;
      case "amount_mismatch":
        items.push({
          id: event.id,
          title: "Payment did not match",
          detail: describeDetail(event.detail) ?? "Bakong reported a transfer that did not match this QR.",
          at: event.createdAt,
          tone: "bad",
        });
        break;
      case "bakong_error":
        items.push({ id: event.id, title: "Bakong could not be reached", at: event.createdAt, tone: "bad" });
        break;
    }
  }
  if (transaction.checkCount > 0) {
    items.push({
      id: "checks",
      title: `Checked with Bakong ${transaction.checkCount} time${transaction.checkCount === 1 ? "" : "s"}`,
      detail: transaction.lastCheckError ? `Last check failed: ${transaction.lastCheckError}` : undefined,
      at: transaction.lastCheckedAt,
      tone: transaction.lastCheckError ? "bad" : "neutral",
    });
  }
  if (transaction.status === "static") {
    items.push({
      id: "static",
      title: "Reusable static QR",
      detail:
        "Static QR codes never expire and customers can pay them any number of times. Bakong cannot check them by md5: " +
        "confirm each payment from the customer's receipt on the Verify a receipt page.",
      at: null,
      tone: "neutral",
    });
  }
  if (transaction.status === "pending") {
    const overdue = transaction.expiresAt !== null && transaction.expiresAt.getTime() < now.getTime();
    items.push({
      id: "waiting",
      title: overdue ? "Expiry time passed — final check pending" : "Waiting for payment",
      at: null,
      tone: "pending",
    });
  }
  return items.sort((a, b) => (a.at?.getTime() ?? Infinity) - (b.at?.getTime() ?? Infinity));
}
