import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { transactions, type Transaction } from "@/lib/db/schema";

/**
 * How far a claim pushes next_check_at: the lease. Longer than one poll can take (a Bakong timeout plus
 * the single-check fallback), so another instance never re-checks a batch still being worked on; after a
 * crash the transactions are simply due again once it runs out.
 */
export const POLL_LEASE_MS = 60_000;

/**
 * Takes due pending dynamic transactions for this caller: locked with SKIP LOCKED so concurrent pollers
 * split the work, and leased by moving next_check_at forward before the transaction commits (and before
 * any Bakong call). Static QRs have no next_check_at and are never polled.
 */
export async function claimDueTransactions({ now, limit }: { now: Date; limit: number }): Promise<Transaction[]> {
  if (limit <= 0) return [];
  const db = await getDb();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: transactions.id })
      .from(transactions)
      // Spelled like the partial index transactions_due_idx so the planner uses it.
      .where(and(eq(transactions.status, "pending"), sql`not ${transactions.isStatic}`, lte(transactions.nextCheckAt, now)))
      .orderBy(asc(transactions.nextCheckAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(transactions)
      .set({ nextCheckAt: new Date(now.getTime() + POLL_LEASE_MS), lastCheckedAt: now, checkCount: sql`${transactions.checkCount} + 1` })
      .where(
        inArray(
          transactions.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
}
