import { randomBytes, randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { transactionEvents, transactions, type Transaction } from "@/lib/db/schema";

type Overrides = Partial<
  Pick<
    Transaction,
    "mode" | "status" | "currency" | "amount" | "orderId" | "billNumber" | "createdAt" | "paidAt" | "expiresAt" | "isStatic" | "md5"
  >
>;

/** A transaction row written directly, for read-model tests that need exact statuses and times. */
export async function insertTransaction(userId: string, overrides: Overrides = {}): Promise<Transaction> {
  const db = await getDb();
  const createdAt = overrides.createdAt ?? new Date();
  const [row] = await db
    .insert(transactions)
    .values({
      id: randomUUID(),
      userId,
      mode: overrides.mode ?? "test",
      md5: overrides.md5 ?? randomBytes(16).toString("hex"),
      qr: `00020101021229${randomBytes(8).toString("hex")}`,
      isStatic: overrides.isStatic ?? false,
      amount: overrides.amount === undefined ? "5.00" : overrides.amount,
      currency: overrides.currency ?? "USD",
      orderId: overrides.orderId ?? null,
      billNumber: overrides.billNumber ?? null,
      toAccountId: "coffee_shop@aclb",
      requestFingerprint: "test",
      status: overrides.status ?? "pending",
      createdAt,
      paidAt: overrides.paidAt ?? (overrides.status === "paid" ? createdAt : null),
      expiresAt: overrides.expiresAt === undefined ? new Date(createdAt.getTime() + 900_000) : overrides.expiresAt,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await db.insert(transactionEvents).values({ id: randomUUID(), transactionId: row.id, kind: "created", createdAt });
  return row;
}
