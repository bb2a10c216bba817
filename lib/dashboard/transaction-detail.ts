import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { transactionEvents, transactions, type Transaction } from "@/lib/db/schema";
import { isUuid } from "@/lib/std";

export type TransactionEvent = { id: string; kind: string; detail: unknown; createdAt: Date };
export type TransactionDetail = { transaction: Transaction; events: TransactionEvent[] };

/** A transaction and its history, only when it belongs to the user: another account's id reads as absent. */
export async function getTransactionDetail(userId: string, transactionId: string): Promise<TransactionDetail | null> {
  if (!isUuid(transactionId)) return null;
  const db = await getDb();
  const [row] = await db
    .select()
    .from(transactions)
    .where(and(eq(transactions.id, transactionId), eq(transactions.userId, userId)))
    .limit(1);
  if (!row) return null;
  const events = await db
    .select({
      id: transactionEvents.id,
      kind: transactionEvents.kind,
      detail: transactionEvents.detail,
      createdAt: transactionEvents.createdAt,
    })
    .from(transactionEvents)
    .where(eq(transactionEvents.transactionId, row.id))
    .orderBy(asc(transactionEvents.createdAt));
  return { transaction: row, events };
}
