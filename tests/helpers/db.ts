import { count, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { transactions } from "@/lib/db/schema";

export async function transactionCount(userId?: string): Promise<number> {
  const db = await getDb();
  const query = db.select({ n: count() }).from(transactions);
  const [row] = userId ? await query.where(eq(transactions.userId, userId)) : await query;
  return row?.n ?? 0;
}
