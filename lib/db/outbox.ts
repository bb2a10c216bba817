import { and, asc, eq, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { getDb } from "./client";

/** The columns every outbox table (emails, payment alerts) has, by these names. */
type OutboxTable = PgTable & {
  id: PgColumn;
  status: PgColumn;
  attemptCount: PgColumn;
  nextAttemptAt: PgColumn;
  lockedUntil: PgColumn;
};

type ClaimOptions = { now: Date; leaseMs: number; limit: number; where?: SQL };

/**
 * Takes due outbox rows for this caller alone: locked with SKIP LOCKED, leased (locked_until) and their
 * attempt counted in one transaction that commits before anything is sent. Other instances skip them while
 * locked and ignore them while the lease runs, so no message goes out twice at once; a crashed sender's
 * lease runs out and the next pass retries.
 */
export async function claimDueOutboxRows<Table extends OutboxTable>(
  table: Table,
  { now, leaseMs, limit, where }: ClaimOptions,
): Promise<Table["$inferSelect"][]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: table.id })
      .from(table as PgTable)
      .where(
        and(eq(table.status, "pending"), lte(table.nextAttemptAt, now), or(isNull(table.lockedUntil), lte(table.lockedUntil, now)), where),
      )
      .orderBy(asc(table.nextAttemptAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const lease = { lockedUntil: new Date(now.getTime() + leaseMs), attemptCount: sql`${table.attemptCount} + 1` };
    return (await tx
      .update(table as PgTable)
      .set(lease as never)
      .where(
        inArray(
          table.id,
          due.map((row) => row.id),
        ),
      )
      .returning()) as Table["$inferSelect"][];
  });
}
