import { and, desc, eq } from "drizzle-orm";
import type { AccountScope } from "@/lib/accounts";
import { getDb } from "@/lib/db";
import { transactions, type Transaction } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { orderView } from "./serialize";

/** A transaction of the key's own account and mode; anything else is indistinguishable from absent. */
export async function findOwnTransactionByMd5({ userId, mode }: AccountScope, md5: string): Promise<Transaction> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(transactions)
    .where(and(eq(transactions.userId, userId), eq(transactions.mode, mode), eq(transactions.md5, md5)))
    .orderBy(desc(transactions.createdAt))
    .limit(1);
  if (!row) throw new AppError("not_found", `No ${mode} transaction with md5 ${md5} for this API key's account.`);
  return row;
}

export async function findOwnTransactionByOrder({ userId, mode }: AccountScope, orderId: string): Promise<Transaction> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(transactions)
    .where(and(eq(transactions.userId, userId), eq(transactions.mode, mode), eq(transactions.orderId, orderId)))
    .limit(1);
  if (!row) throw new AppError("not_found", `No ${mode} transaction with order_id "${orderId}" for this API key's account.`);
  return row;
}

/** POST /transaction/by-order: the merchant's own order, as the API shows it. */
export async function transactionByOrder(scope: AccountScope, orderId: string) {
  return orderView(await findOwnTransactionByOrder(scope, orderId));
}
