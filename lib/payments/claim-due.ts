import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import { YOUNG_QR_MS } from "@/lib/config/bakong-limits";
import type { Mode } from "@/lib/config/enums";
import { getDb } from "@/lib/db";
import { transactions, type Transaction } from "@/lib/db/schema";

/**
 * How long a claim holds its rows (leased_until): longer than one poll can take (a Bakong timeout plus the
 * single-check fallback), so another instance never re-checks a batch still being worked on; after a crash
 * the transactions are simply due again once it runs out. Applying an answer ends the lease.
 */
export const POLL_LEASE_MS = 60_000;

/** Ids as one array parameter: a claim's 2,000 ids as 2,000 parameters cost more to build than the query takes. */
const uuidArray = (ids: string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

/**
 * What share of a pass's claims goes to QRs in their first two minutes (when most customers pay) when more
 * is due than the budget allows; the rest always goes to the longest-overdue rows (final checks past expiry
 * among them), so under any load nothing starves.
 */
const YOUNG_SHARE = 0.8;

/**
 * Takes due pending dynamic transactions of a mode for this caller: locked with SKIP LOCKED so concurrent
 * pollers split the work, and leased (leased_until) before the transaction commits (and before any Bakong
 * call). The lease lives in a column no index covers, so it rewrites no index entry: next_check_at, which
 * transactions_due_idx orders, changes only once per check, when the answer is applied. Static QRs have no next_check_at and are never polled. When more is due than
 * `limit` (the call budget), young QRs go first, up to YOUNG_SHARE of the limit, then the longest-overdue
 * rows; a claim of one row is young with that probability.
 */
export async function claimDueTransactions({ now, limit, mode }: { now: Date; limit: number; mode: Mode }): Promise<Transaction[]> {
  // Stryker disable next-line EqualityOperator: `limit < 0` is equivalent for the whole-number limits (a count of rows) callers pass, as a limit of 0 selects with LIMIT 0 and claims nothing
  if (limit <= 0) return [];
  const db = await getDb();
  const youngSince = new Date(now.getTime() - YOUNG_QR_MS).toISOString();
  const youngLimit = limit === 1 ? (Math.random() < YOUNG_SHARE ? 1 : 0) : Math.ceil(limit * YOUNG_SHARE);
  return db.transaction(async (tx) => {
    // Spelled like the partial index transactions_due_idx so the planner uses it.
    const dueNow = and(
      eq(transactions.status, "pending"),
      sql`not ${transactions.isStatic}`,
      lte(transactions.nextCheckAt, now),
      eq(transactions.mode, mode),
      or(isNull(transactions.leasedUntil), lte(transactions.leasedUntil, now)),
    );
    const young =
      // Stryker disable next-line ConditionalExpression: "false" is equivalent, a LIMIT 0 select returns no row (this saves the statement); "true" fails the young-first test in tests/payments/poll-due-claim.test.ts
      youngLimit === 0
        ? []
        : await tx
            .select({ id: transactions.id })
            .from(transactions)
            .where(and(dueNow, sql`${transactions.createdAt} > ${youngSince}::timestamptz`))
            .orderBy(transactions.nextCheckAt)
            .limit(youngLimit)
            .for("update", { skipLocked: true });
    const rest = await tx
      .select({ id: transactions.id })
      .from(transactions)
      .where(
        // Stryker disable next-line ConditionalExpression: "false" is equivalent, `id = any('{}')` is false for every row so the extra condition excludes nothing; "true" claims young rows twice
        young.length === 0 ? dueNow : and(dueNow, sql`not (${transactions.id} = any(${uuidArray(young.map((row) => row.id))}))`),
      )
      .orderBy(transactions.nextCheckAt)
      .limit(limit - young.length)
      .for("update", { skipLocked: true });
    const due = [...young, ...rest];
    // Stryker disable next-line ConditionalExpression: equivalent, the update of `id = any('{}')` matches no row and returns []; this saves the statement
    if (due.length === 0) return [];
    const claimed = await tx
      .update(transactions)
      .set({ leasedUntil: new Date(now.getTime() + POLL_LEASE_MS), lastCheckedAt: now, checkCount: sql`${transactions.checkCount} + 1` })
      .where(sql`${transactions.id} = any(${uuidArray(due.map((row) => row.id))})`)
      .returning();
    // UPDATE … RETURNING keeps no order: back to the order of value, for callers that can ask only the first few.
    const rank = new Map(due.map((row, index) => [row.id, index]));
    return claimed.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  });
}
