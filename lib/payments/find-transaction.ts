import { and, desc, eq } from "drizzle-orm";
import { ApiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db";
import { transactions, type Transaction } from "@/lib/db/schema";
import type { ApiKeyAuth } from "@/lib/keys";

/** A transaction of the key's own account and mode; anything else is indistinguishable from absent. */
export async function findOwnTransactionByMd5(auth: ApiKeyAuth, md5: string): Promise<Transaction> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(transactions)
    .where(and(eq(transactions.userId, auth.userId), eq(transactions.mode, auth.mode), eq(transactions.md5, md5)))
    .orderBy(desc(transactions.createdAt))
    .limit(1);
  if (!row) throw new ApiError("not_found", `No ${auth.mode} transaction with md5 ${md5} for this API key's account.`);
  return row;
}

export async function findOwnTransactionByOrder(auth: ApiKeyAuth, orderId: string): Promise<Transaction> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(transactions)
    .where(and(eq(transactions.userId, auth.userId), eq(transactions.mode, auth.mode), eq(transactions.orderId, orderId)))
    .limit(1);
  if (!row) throw new ApiError("not_found", `No ${auth.mode} transaction with order_id "${orderId}" for this API key's account.`);
  return row;
}
