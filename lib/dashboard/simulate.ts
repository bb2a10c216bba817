import { AppError } from "@/lib/errors";
import { checkTransaction, simulatePayment } from "@/lib/payments";
import { getTransactionDetail } from "./transaction-detail";
import type { TransactionStatus } from "@/lib/config/enums";

/**
 * The dashboard's "Simulate payment": records a sandbox payment for one of the user's test transactions,
 * then checks it at once, exactly as an API client would, so the status turns paid through the same
 * settlement path (and webhooks) as a real payment.
 */
export async function simulateDashboardPayment(userId: string, transactionId: string): Promise<TransactionStatus> {
  const detail = await getTransactionDetail(userId, transactionId);
  if (!detail) throw new AppError("not_found", "Transaction not found.");
  const { transaction } = detail;
  if (transaction.mode !== "test") throw new AppError("forbidden", "Only test-mode transactions can be paid by simulation.");
  if (transaction.status !== "pending") return transaction.status;

  const scope = { userId, mode: "test" as const };
  await simulatePayment(scope, { md5: transaction.md5 });
  return (await checkTransaction(scope, transaction.md5)).status;
}

/**
 * "Simulate a customer payment" on a test-mode static QR: a sandbox payment of the amount the customer would
 * type, answered as the receipt shows it, so the merchant can try Verify a receipt with it.
 */
export async function simulateStaticQrPayment(userId: string, transactionId: string, amount: string) {
  const detail = await getTransactionDetail(userId, transactionId);
  if (!detail) throw new AppError("not_found", "Transaction not found.");
  const { transaction } = detail;
  if (transaction.mode !== "test") throw new AppError("forbidden", "Only test-mode QRs can be paid by simulation.");
  return simulatePayment({ userId, mode: "test" }, { md5: transaction.md5, amount });
}
