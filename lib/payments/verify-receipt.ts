import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { readAccount, type AccountScope, type ApiAccount } from "@/lib/accounts";
import { BakongUnavailableError, type BakongCheckResult, type BakongTransaction } from "@/lib/bakong";
import type { Currency, VerificationSource } from "@/lib/config/enums";
import { getDb, type DbOrTx } from "@/lib/db";
import { transactions, verifiedPayments, type VerifiedPayment } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { enqueueReceiptAlerts } from "@/lib/notifications";
import { enqueueEvent, verifiedEventBody } from "@/lib/webhooks";
import { amountForResponse, normalizeAmount, storedAmount, toMinorUnits } from "./amounts";
import { receiptClientFor } from "./bakong-clients";
import { outageDetail } from "./bakong-outage";
import { SHORT_HASH_LENGTH, type VerifyFailureReason, type VerifyReceiptRequest, type VerifyReceiptResponse } from "./schemas";

/** Who is asking: an API key, or the signed-in merchant on the dashboard. */
export type Verifier = AccountScope & { source: VerificationSource; apiKeyId: string | null; account?: ApiAccount };

type Expected = { amount: string | null; currency: Currency | null };

const FAILURE_MESSAGES: Record<VerifyFailureReason, string> = {
  not_found: "Bakong has no payment with this hash (and amount and currency). Do not accept this receipt.",
  failed: "Bakong reports this transfer as failed: no money arrived.",
  wrong_account: "This payment went to another Bakong account, not yours. Do not accept this receipt.",
  amount_mismatch: "This payment is for a different amount than the one you asked about.",
  currency_mismatch: "This payment is in a different currency than the one you asked about.",
};

/**
 * POST /transaction/verify and the dashboard's Verify a receipt page: asks Bakong about a customer's receipt
 * and answers whether that payment reached this merchant's Bakong account. A confirmed payment is recorded
 * once per account and mode (unique on the full hash), so the same receipt shown again is reported as
 * already verified, with when and by whom it was first.
 */
export async function verifyReceipt(verifier: Verifier, request: VerifyReceiptRequest): Promise<VerifyReceiptResponse> {
  const { profile } = verifier.account ?? (await readAccount(verifier.userId));
  if (!profile) {
    throw new AppError(
      "merchant_not_configured",
      "Save your Bakong account ID in the dashboard (Settings → Merchant profile) before verifying receipts: it is the account payments must reach.",
    );
  }
  const expected: Expected = {
    currency: request.currency ?? null,
    amount: request.currency && request.amount !== undefined ? amountOf(request.amount, request.currency) : null,
  };

  const recorded = await findRecorded(verifier, request.hash, expected);
  if (recorded) return verifiedView(recorded, true);

  const result = await askBakong(verifier, request.hash, expected);
  if (result.status === "not_found") return unverified("not_found", request.hash);
  if (result.status === "failed") return unverified("failed", request.hash);
  const paid = result.transaction;
  const problem = mismatch(paid, profile.bakongAccountId, expected);
  if (problem) {
    log("warn", "receipt_not_verified", { account: verifier.userId, mode: verifier.mode, hash: paid.hash, reason: problem });
    return unverified(problem, paid.hash, paid);
  }
  const { row, inserted } = await record(verifier, paid, result.raw);
  return verifiedView(row, !inserted);
}

function amountOf(amount: number | string, currency: Currency): string {
  const normalized = normalizeAmount(amount, currency);
  if (normalized === null) throw new AppError("invalid_input", "amount must be positive", { field: "amount" });
  return normalized;
}

async function askBakong(verifier: Verifier, hash: string, expected: Expected): Promise<BakongCheckResult> {
  const client = receiptClientFor(verifier);
  try {
    if (hash.length === SHORT_HASH_LENGTH) {
      return await client.checkTransactionByShortHash(hash, Number(expected.amount), expected.currency!);
    }
    return await client.checkTransactionByHash(hash);
  } catch (error) {
    if (!(error instanceof BakongUnavailableError)) throw error;
    log("warn", "bakong_verify_failed", { account: verifier.userId, reason: error.reason, http_status: error.httpStatus });
    throw new AppError(
      "bakong_unavailable",
      `${outageDetail(error)} Whether this receipt was paid is unknown; retry in a few seconds.`,
      error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {},
    );
  }
}

/** Verified means Bakong found it and it went to this merchant's account, for what the cashier asked about. */
function mismatch(paid: BakongTransaction, accountId: string, expected: Expected): VerifyFailureReason | null {
  if (paid.toAccountId === undefined || paid.toAccountId.toLowerCase() !== accountId.toLowerCase()) return "wrong_account";
  const currency = paid.currency?.toUpperCase();
  if (currency !== "USD" && currency !== "KHR") return "currency_mismatch";
  if (expected.currency !== null && currency !== expected.currency) return "currency_mismatch";
  if (paid.amount === undefined) return "amount_mismatch";
  if (expected.amount !== null && toMinorUnits(paid.amount, currency) !== toMinorUnits(expected.amount, currency)) return "amount_mismatch";
  return null;
}

/** A payment already recorded answers without asking Bakong again: a confirmed transfer does not un-happen. */
async function findRecorded({ userId, mode }: AccountScope, hash: string, expected: Expected): Promise<VerifiedPayment | undefined> {
  const db = await getDb();
  const byHash =
    hash.length === SHORT_HASH_LENGTH
      ? and(
          sql`left(${verifiedPayments.hash}, ${SHORT_HASH_LENGTH}) = ${hash}`,
          eq(verifiedPayments.currency, expected.currency!),
          eq(verifiedPayments.amount, expected.amount!),
        )
      : eq(verifiedPayments.hash, hash);
  const [row] = await db
    .select()
    .from(verifiedPayments)
    .where(and(eq(verifiedPayments.userId, userId), eq(verifiedPayments.mode, mode), byHash))
    .limit(1);
  // Stryker disable next-line ConditionalExpression: equivalent for the short-hash test made false, a row found by short hash has the asked currency and amount, so the check below keeps it (the other mutants are tested)
  if (!row || hash.length === SHORT_HASH_LENGTH) return row;
  // A full hash with an amount or currency the payment does not have is Bakong's to answer, as a mismatch.
  const matches =
    (expected.currency === null || expected.currency === row.currency) &&
    (expected.amount === null || toMinorUnits(expected.amount, row.currency) === toMinorUnits(row.amount, row.currency));
  return matches ? row : undefined;
}

/**
 * The row, linked to the merchant's newest static QR of the same account and currency, and its
 * transaction.verified outbox rows, in one database transaction, unless the hash is recorded already (the
 * unique index decides between concurrent verifications): then that row, and no event.
 */
async function record(verifier: Verifier, paid: BakongTransaction, raw: unknown): Promise<{ row: VerifiedPayment; inserted: boolean }> {
  const db = await getDb();
  const currency = paid.currency!.toUpperCase() as Currency;
  const hash = paid.hash.toLowerCase();
  const staticQr = db
    .select({ id: transactions.id })
    .from(transactions)
    .where(
      and(
        eq(transactions.userId, verifier.userId),
        eq(transactions.mode, verifier.mode),
        eq(transactions.isStatic, true),
        eq(transactions.currency, currency),
        sql`lower(${transactions.toAccountId}) = ${paid.toAccountId!.toLowerCase()}`,
      ),
    )
    .orderBy(desc(transactions.createdAt))
    .limit(1);
  const inserted = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(verifiedPayments)
      .values({
        id: randomUUID(),
        userId: verifier.userId,
        mode: verifier.mode,
        hash,
        amount: storedAmount(paid.amount!, currency),
        currency,
        fromAccountId: paid.fromAccountId ?? null,
        toAccountId: paid.toAccountId!,
        paidAt: paid.createdDateMs === undefined ? null : new Date(paid.createdDateMs),
        transactionId: sql`(${staticQr})`,
        source: verifier.source,
        apiKeyId: verifier.apiKeyId,
        bakongResponse: raw,
      })
      .onConflictDoNothing(
        // Stryker disable next-line ObjectLiteral: equivalent, the only other unique key is the random primary key id, so ON CONFLICT without a target skips the same rows
        { target: [verifiedPayments.userId, verifiedPayments.mode, verifiedPayments.hash] },
      )
      .returning();
    if (!row) return null;
    const staticMd5 = await staticQrMd5(tx, row.transactionId);
    await enqueueReceiptAlerts(tx, row);
    await enqueueEvent(tx, {
      userId: row.userId,
      mode: row.mode,
      event: "transaction.verified",
      transactionId: row.transactionId,
      body: (eventId) => verifiedEventBody(eventId, row, staticMd5),
    });
    return row;
  });
  if (inserted) return { row: inserted, inserted: true };
  const [existing] = await db
    .select()
    .from(verifiedPayments)
    .where(and(eq(verifiedPayments.userId, verifier.userId), eq(verifiedPayments.mode, verifier.mode), eq(verifiedPayments.hash, hash)))
    .limit(1);
  // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent for false and the message, DO NOTHING skips only for a committed row of that key, which this read sees (true and BooleanLiteral are tested)
  if (!existing) throw new Error(`verified payment ${hash} conflicted but cannot be read`);
  return { row: existing, inserted: false };
}

async function staticQrMd5(db: DbOrTx, transactionId: string | null): Promise<string | null> {
  // Stryker disable next-line ConditionalExpression: equivalent for false, no transaction has a null id, so the lookup finds no row and returns null alike (true is tested)
  if (transactionId === null) return null;
  const [row] = await db.select({ md5: transactions.md5 }).from(transactions).where(eq(transactions.id, transactionId)).limit(1);
  // Stryker disable next-line OptionalChaining: equivalent, transaction_id references transactions (on delete set null), so a non-null id always finds its row
  return row?.md5 ?? null;
}

async function verifiedView(row: VerifiedPayment, alreadyVerified: boolean): Promise<VerifyReceiptResponse> {
  const when = row.createdAt.toISOString();
  return {
    verified: true,
    reason: null,
    message: alreadyVerified
      ? "Paid, but this receipt was verified before: it is being shown a second time. Do not hand the goods over twice."
      : "Paid: the payment reached your Bakong account.",
    hash: row.hash,
    amount: amountForResponse(row.amount),
    currency: row.currency,
    paid_at: row.paidAt?.toISOString() ?? null,
    from_account_id: row.fromAccountId,
    to_account_id: row.toAccountId,
    first_verified_at: when,
    first_verified_by: { source: row.source, api_key_id: row.apiKeyId },
    already_verified: alreadyVerified,
    static_qr_md5: await staticQrMd5(await getDb(), row.transactionId),
  };
}

function unverified(reason: VerifyFailureReason, hash: string, paid?: BakongTransaction): VerifyReceiptResponse {
  const currency = paid?.currency?.toUpperCase();
  return {
    verified: false,
    reason,
    message: FAILURE_MESSAGES[reason],
    hash,
    amount: paid?.amount ?? null,
    currency: currency === "USD" || currency === "KHR" ? currency : null,
    paid_at: paid?.createdDateMs === undefined ? null : new Date(paid.createdDateMs).toISOString(),
    from_account_id: paid?.fromAccountId ?? null,
    to_account_id: paid?.toAccountId ?? null,
    first_verified_at: null,
    first_verified_by: null,
    already_verified: false,
    static_qr_md5: null,
  };
}
