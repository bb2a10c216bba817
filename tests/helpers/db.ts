import { count, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { transactionEvents, transactions } from "@/lib/db/schema";

export async function transactionCount(userId?: string): Promise<number> {
  const db = await getDb();
  const query = db.select({ n: count() }).from(transactions);
  const [row] = userId ? await query.where(eq(transactions.userId, userId)) : await query;
  return row?.n ?? 0;
}

/** Events of the user's transactions (an event cannot outlive or precede its transaction). */
export async function eventCount(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(transactionEvents)
    .innerJoin(transactions, eq(transactions.id, transactionEvents.transactionId))
    .where(eq(transactions.userId, userId));
  return row?.n ?? 0;
}
