import type { TransactionDetail } from "./transaction-detail";

/** What happened, as a catalogue key under `timeline` (the page words it in the reader's language). */
export type TimelineKey =
  "created" | "paid" | "paidAfterExpiry" | "expired" | "amountMismatch" | "bakongError" | "checks" | "static" | "waiting" | "overdue";

export type TimelineItem = {
  id: string;
  key: TimelineKey;
  /** The check count, for "checks". */
  count?: number;
  /** Words from Bakong or our checker, shown as they were recorded. */
  problem?: string;
  at: Date | null;
  tone: "neutral" | "good" | "bad" | "pending";
};

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
        items.push({ id: event.id, key: "created", at: event.createdAt, tone: "neutral" });
        break;
      case "paid":
        items.push({ id: event.id, key: "paid", at: transaction.paidAt ?? event.createdAt, tone: "good" });
        break;
      case "paid_after_expiry":
        items.push({ id: event.id, key: "paidAfterExpiry", at: transaction.paidAt ?? event.createdAt, tone: "good" });
        break;
      case "expired":
        items.push({ id: event.id, key: "expired", at: event.createdAt, tone: "neutral" });
        break;
      case "amount_mismatch":
        items.push({ id: event.id, key: "amountMismatch", problem: describeDetail(event.detail), at: event.createdAt, tone: "bad" });
        break;
      case "bakong_error":
        items.push({ id: event.id, key: "bakongError", at: event.createdAt, tone: "bad" });
        break;
    }
  }
  if (transaction.checkCount > 0) {
    items.push({
      id: "checks",
      key: "checks",
      count: transaction.checkCount,
      problem: transaction.lastCheckError ?? undefined,
      at: transaction.lastCheckedAt,
      tone: transaction.lastCheckError ? "bad" : "neutral",
    });
  }
  if (transaction.status === "static") items.push({ id: "static", key: "static", at: null, tone: "neutral" });
  if (transaction.status === "pending") {
    const overdue = transaction.expiresAt !== null && transaction.expiresAt.getTime() < now.getTime();
    items.push({ id: "waiting", key: overdue ? "overdue" : "waiting", at: null, tone: "pending" });
  }
  return items.sort((a, b) => (a.at?.getTime() ?? Infinity) - (b.at?.getTime() ?? Infinity));
}
