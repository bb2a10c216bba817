import { createHash, randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { transactions, type Transaction } from "@/lib/db/schema";
import type { Mode } from "@/lib/config/enums";

export type PendingBatch = {
  userId: string;
  mode: Mode;
  count: number;
  createdAt: Date;
  expiresInSeconds?: number;
  toAccountId?: string;
};

/**
 * Pending dynamic transactions written straight to the table, as createQr would leave them (first check
 * 3 s after creation), for volumes the daily quota and KHQR encoding would only slow down.
 */
export async function insertPendingTransactions({
  userId,
  mode,
  count,
  createdAt,
  expiresInSeconds = 900,
  toAccountId = "coffee_shop@aclb",
}: PendingBatch): Promise<Transaction[]> {
  const db = await getDb();
  const rows = Array.from({ length: count }, () => {
    const id = randomUUID();
    return {
      id,
      userId,
      mode,
      md5: createHash("md5").update(id).digest("hex"),
      qr: `fixture-${id}`,
      isStatic: false,
      amount: "5.00",
      currency: "USD" as const,
      toAccountId,
      requestFingerprint: "fixture",
      expiresAt: new Date(createdAt.getTime() + expiresInSeconds * 1000),
      createdAt,
      nextCheckAt: new Date(createdAt.getTime() + 3_000),
    };
  });
  const inserted: Transaction[] = [];
  for (let start = 0; start < rows.length; start += 500) {
    inserted.push(
      ...(await db
        .insert(transactions)
        .values(rows.slice(start, start + 500))
        .returning()),
    );
  }
  return inserted;
}
