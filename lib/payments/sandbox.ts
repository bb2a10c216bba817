import { randomBytes } from "node:crypto";
import type { AccountScope } from "@/lib/accounts";
import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/db";
import { sandboxPayments } from "@/lib/db/schema";
import { findOwnTransactionByMd5 } from "./find-transaction";

const SANDBOX_PAYER = "sandbox_payer@khqr";

/**
 * Records a simulated customer payment of exactly the QR's amount; the next check (by the API or the
 * background poller) then finds it, just as Bakong would report a real one.
 */
export async function simulatePayment(scope: AccountScope, md5: string, now: Date = new Date()) {
  if (scope.mode !== "test")
    throw new AppError("forbidden", "Sandbox payments need a test key (khqr_test_…); live QRs are paid by real customers only.");
  const row = await findOwnTransactionByMd5(scope, md5);
  const db = await getDb();
  const [payment] = await db
    .insert(sandboxPayments)
    .values({
      userId: scope.userId,
      md5: row.md5,
      hash: randomBytes(32).toString("hex"),
      fromAccountId: SANDBOX_PAYER,
      toAccountId: row.toAccountId,
      amount: row.amount ?? "1",
      currency: row.currency,
      createdDateMs: now.getTime(),
    })
    .onConflictDoNothing()
    .returning();
  const paidAtMs = payment?.createdDateMs ?? now.getTime();
  return { md5: row.md5, simulated: true as const, paid_at: new Date(paidAtMs).toISOString() };
}
