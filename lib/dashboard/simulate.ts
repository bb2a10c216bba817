import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { apiKeys } from "@/lib/db/schema";
import { checkTransaction, simulatePayment } from "@/lib/payments";
import { getTransactionDetail } from "./transaction-detail";

export class SimulationRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SimulationRefusedError";
  }
}

/**
 * The dashboard's "Simulate payment": records a sandbox payment for one of the user's test transactions,
 * then checks it at once, exactly as an API client would, so the status turns paid through the same
 * settlement path (and webhooks) as a real payment.
 */
export async function simulateDashboardPayment(userId: string, transactionId: string): Promise<"pending" | "paid" | "expired"> {
  const detail = await getTransactionDetail(userId, transactionId);
  if (!detail) throw new SimulationRefusedError("Transaction not found.");
  const { transaction } = detail;
  if (transaction.mode !== "test") throw new SimulationRefusedError("Only test-mode transactions can be paid by simulation.");
  if (transaction.status !== "pending") return transaction.status;

  // The sandbox acts for the account in test mode; any of its test keys (even a revoked one) identifies it.
  const db = await getDb();
  const [testKey] = await db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(eq(apiKeys.userId, userId), eq(apiKeys.mode, "test")))
    .orderBy(desc(apiKeys.createdAt))
    .limit(1);
  if (!testKey) throw new SimulationRefusedError("This account has no test key: create one under API keys first.");
  const auth = { userId, keyId: testKey.id, mode: "test" as const };
  await simulatePayment(auth, transaction.md5);
  return (await checkTransaction(auth, transaction.md5)).status;
}
