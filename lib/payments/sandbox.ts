import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { AccountScope } from "@/lib/accounts";
import { AppError } from "@/lib/errors";
import { getDb } from "@/lib/db";
import { sandboxPayments, type Transaction } from "@/lib/db/schema";
import { amountForResponse, normalizeAmount } from "./amounts";
import { findOwnTransactionByMd5 } from "./find-transaction";
import { SHORT_HASH_LENGTH, type SandboxPayRequest } from "./schemas";
import { qrType } from "./serialize";

const SANDBOX_PAYER = "sandbox_payer@khqr";

type SandboxPaymentRow = typeof sandboxPayments.$inferSelect;

/**
 * Records a simulated customer payment, as a bank app would make it. A dynamic QR is paid once, for exactly
 * its amount; the next check (by the API or the background poller) then finds it, just as Bakong would
 * report a real one, and paying it again answers the original payment. An expired QR cannot be paid. A static
 * QR is paid any number of times with the amount the customer types: each payment answers its transaction
 * hash, as the customer's receipt shows it, for POST /transaction/verify.
 */
export async function simulatePayment(scope: AccountScope, request: SandboxPayRequest, now: Date = new Date()) {
  if (scope.mode !== "test")
    throw new AppError("forbidden", "Sandbox payments need a test key (khqr_test_…); live QRs are paid by real customers only.");
  const row = await findOwnTransactionByMd5(scope, request.md5);
  if (row.isStatic) return payStaticQr(scope, row, request.amount, now);
  if (request.amount !== undefined) {
    throw new AppError("invalid_input", "amount is for static QRs only: a dynamic QR is paid for exactly its own amount.", {
      field: "amount",
    });
  }
  const pastExpiry =
    row.status === "pending" &&
    // Stryker disable next-line ConditionalExpression: equivalent, a pending QR is a dynamic one, and createQr gives every dynamic QR an expires_at
    row.expiresAt !== null &&
    row.expiresAt <= now;
  if (row.status === "expired" || pastExpiry) {
    // Stryker disable next-line OptionalChaining: equivalent, only a dynamic QR expires, and createQr gives every dynamic QR an expires_at
    throw new AppError("conflict", `This QR expired at ${row.expiresAt?.toISOString()} and stays expired: create a new QR to pay.`);
  }
  // Stryker disable next-line StringLiteral: equivalent, createQr gives every dynamic QR an amount, so the fallback is never read
  const values = { ...paymentFor(scope, row, row.amount ?? "0", now), md5: row.md5 };
  // Stryker disable next-line ObjectLiteral: equivalent, the only other unique key is the hash, 256 random bits that never collide
  const samePayment = { target: sandboxPayments.md5, where: sql`${sandboxPayments.md5} is not null` };
  const db = await getDb();
  const [inserted] = await db.insert(sandboxPayments).values(values).onConflictDoNothing(samePayment).returning();
  const payment = inserted ?? (await db.select().from(sandboxPayments).where(eq(sandboxPayments.md5, row.md5)).limit(1))[0];
  if (!payment) throw new Error(`sandbox payment of ${row.md5} conflicted but cannot be read`);
  return view(row, payment);
}

async function payStaticQr(scope: AccountScope, row: Transaction, amount: number | string | undefined, now: Date) {
  const stored = normalizeAmount(amount, row.currency);
  if (stored === null) {
    throw new AppError("invalid_input", "amount is required to pay a static QR: the customer types it into their bank app.", {
      field: "amount",
    });
  }
  const db = await getDb();
  const [payment] = await db
    .insert(sandboxPayments)
    .values(paymentFor(scope, row, stored, now))
    .returning();
  return view(row, payment!);
}

function paymentFor(scope: AccountScope, row: Transaction, amount: string, now: Date) {
  return {
    hash: randomBytes(32).toString("hex"),
    md5: null,
    userId: scope.userId,
    fromAccountId: SANDBOX_PAYER,
    toAccountId: row.toAccountId,
    amount,
    currency: row.currency,
    createdDateMs: now.getTime(),
  };
}

function view(row: Transaction, payment: SandboxPaymentRow) {
  return {
    md5: row.md5,
    type: qrType(row),
    simulated: true as const,
    paid_at: new Date(payment.createdDateMs).toISOString(),
    hash: payment.hash,
    short_hash: payment.hash.slice(0, SHORT_HASH_LENGTH),
    amount: amountForResponse(payment.amount)!,
    currency: payment.currency,
  };
}
