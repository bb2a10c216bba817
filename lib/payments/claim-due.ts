import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { YOUNG_QR_MS } from "@/lib/config/bakong-limits";
import type { Mode } from "@/lib/config/enums";
import { getDb } from "@/lib/db";
import { transactions, type Transaction } from "@/lib/db/schema";

/**
 * How far a claim pushes next_check_at: the lease. Longer than one poll can take (a Bakong timeout plus
 * the single-check fallback), so another instance never re-checks a batch still being worked on; after a
 * crash the transactions are simply due again once it runs out.
 */
export const POLL_LEASE_MS = 60_000;

/**
 * Takes due pending dynamic transactions of a mode for this caller: locked with SKIP LOCKED so concurrent
 * pollers split the work, and leased by moving next_check_at forward before the transaction commits (and
 * before any Bakong call). Static QRs have no next_check_at and are never polled. When more is due than
 * `limit` (the call budget), the most valuable go first: QRs in their first two minutes (when most customers
 * pay) count as due 30 s earlier than they are, so a backlog of old QRs never starves, nor starves them.
 */
export async function claimDueTransactions({ now, limit, mode }: { now: Date; limit: number; mode: Mode }): Promise<Transaction[]> {
  if (limit <= 0) return [];
  const db = await getDb();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: transactions.id })
      .from(transactions)
      // Spelled like the partial index transactions_due_idx so the planner uses it.
      .where(
        and(
          eq(transactions.status, "pending"),
          sql`not ${transactions.isStatic}`,
          lte(transactions.nextCheckAt, now),
          eq(transactions.mode, mode),
        ),
      )
      .orderBy(
        sql`${transactions.nextCheckAt} - case when ${transactions.createdAt} > ${new Date(now.getTime() - YOUNG_QR_MS).toISOString()}::timestamptz then interval '30 seconds' else interval '0 seconds' end`,
      )
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const claimed = await tx
      .update(transactions)
      .set({ nextCheckAt: new Date(now.getTime() + POLL_LEASE_MS), lastCheckedAt: now, checkCount: sql`${transactions.checkCount} + 1` })
      .where(
        inArray(
          transactions.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
    // UPDATE … RETURNING keeps no order: back to the order of value, for callers that can ask only the first few.
    const rank = new Map(due.map((row, index) => [row.id, index]));
    return claimed.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  });
}
