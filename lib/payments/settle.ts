import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { BakongCheckResult, BakongTransaction } from "@/lib/bakong";
import { getDb, type DbOrTx } from "@/lib/db";
import { paymentLinks, transactionEvents, transactions, users, type Transaction } from "@/lib/db/schema";
import { log } from "@/lib/log";
import { enqueuePaymentAlerts } from "@/lib/notifications";
import { enqueueTransactionEvent } from "@/lib/webhooks";
import { toMinorUnits } from "./amounts";
import { nextCheckAt } from "./poll-schedule";
import { announceStatusChange } from "./status-feed";

type Listener = (row: Transaction) => void;
// On globalThis: Next.js may load instrumentation (where the webhook sender listens) and route handlers
// as separate module copies, and both must share one set of listeners.
const globalForPaid = globalThis as unknown as { __khqrPaidListeners?: Set<Listener> };
// Stryker disable next-line AssignmentOperator: evaluated once at module load, where Stryker's vitest runner cannot switch a mutant on per test
const paidListeners = (globalForPaid.__khqrPaidListeners ??= new Set<Listener>());

/** Lets the in-process webhook driver send right after a payment commits instead of waiting for its next tick. */
export function onTransactionPaid(listener: Listener): () => void {
  paidListeners.add(listener);
  return () => paidListeners.delete(listener);
}

/** Paid means Bakong found it AND it went to our merchant's account for exactly the stored amount and currency. */
function mismatch(row: Transaction, paid: BakongTransaction): string | null {
  if (paid.toAccountId !== undefined && paid.toAccountId.toLowerCase() !== row.toAccountId.toLowerCase()) {
    return `toAccountId ${paid.toAccountId} is not ${row.toAccountId}`;
  }
  if (paid.currency !== undefined && paid.currency.toUpperCase() !== row.currency)
    return `currency ${paid.currency} is not ${row.currency}`;
  // Stryker disable next-line ConditionalExpression: equivalent, only dynamic QRs (which have an amount) are ever pending
  if (row.amount === null) return null;
  if (paid.amount === undefined) return `Bakong's answer has no amount; expected ${row.amount}`;
  if (toMinorUnits(paid.amount, row.currency) !== toMinorUnits(row.amount, row.currency))
    return `amount ${paid.amount} is not ${row.amount}`;
  return null;
}

async function markPaid(row: Transaction, paid: BakongTransaction, raw: unknown, now: Date): Promise<Transaction> {
  const paidAt = new Date(paid.createdDateMs ?? paid.acknowledgedDateMs ?? now.getTime());
  const db = await getDb();
  const settled = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(transactions)
      .set({
        status: "paid",
        paidAt,
        bakongHash: paid.hash,
        bakongResponse: raw,
        lastCheckError: null,
        lastAnswerAt: now,
        nextCheckAt: null,
        leasedUntil: null,
      })
      .where(and(eq(transactions.id, row.id), eq(transactions.status, "pending")))
      .returning();
    if (!updated) return null;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, a pending (dynamic) QR always has an expiry
    const late = updated.expiresAt !== null && paidAt.getTime() > updated.expiresAt.getTime();
    await tx.insert(transactionEvents).values({
      id: randomUUID(),
      transactionId: row.id,
      kind: late ? "paid_after_expiry" : "paid",
      detail: { hash: paid.hash, paid_at: paidAt.toISOString() },
      createdAt: now,
    });
    await recordFirstPayment(tx, updated.userId, paidAt);
    await enqueueTransactionEvent(tx, "transaction.paid", updated, now);
    await enqueuePaymentAlerts(tx, updated, paid.fromAccountId, now);
    // Stryker disable next-line ConditionalExpression: equivalent, closing the link with id null matches no row; this saves the statement
    if (updated.paymentLinkId) await closeSingleUseLink(tx, updated.paymentLinkId, now);
    await announceStatusChange(tx, updated.md5);
    return updated;
  });
  if (!settled) return reload(row.id);
  if (settled.expiresAt && paidAt > settled.expiresAt) {
    log("warn", "payment_after_expiry", { transaction_id: row.id, md5: row.md5, paid_at: paidAt.toISOString() });
  }
  for (const listener of paidListeners) listener(settled);
  return settled;
}

/** The getting-started checklist's "first payment", set once, by the transaction that marks it paid. */
async function recordFirstPayment(tx: DbOrTx, userId: string, paidAt: Date): Promise<void> {
  await tx
    .update(users)
    .set({ firstPaidAt: paidAt })
    .where(and(eq(users.id, userId), isNull(users.firstPaidAt)));
}

/** A single-use payment link is closed by its first payment, in the transaction that records it. */
async function closeSingleUseLink(tx: DbOrTx, linkId: string, now: Date): Promise<void> {
  await tx
    .update(paymentLinks)
    .set({ usedAt: now })
    .where(and(eq(paymentLinks.id, linkId), eq(paymentLinks.reusable, false), isNull(paymentLinks.usedAt)));
}

async function reload(id: string): Promise<Transaction> {
  const db = await getDb();
  const [row] = await db.select().from(transactions).where(eq(transactions.id, id)).limit(1);
  // Stryker disable next-line all: only a row deleted between settling and reading it back (never, transactions are kept) reaches this
  if (!row) throw new Error(`transaction ${id} disappeared`);
  return row;
}

/** A check after this instant that finds nothing is the QR's last: it expires. */
function isPastExpiry(row: Transaction, now: Date): boolean {
  // Stryker disable next-line ConditionalExpression: equivalent, a pending (dynamic) QR always has an expiry
  return row.expiresAt !== null && now.getTime() > row.expiresAt.getTime();
}

async function recordUnpaid(
  row: Transaction,
  raw: unknown,
  now: Date,
  note?: { kind: "amount_mismatch"; detail: unknown },
): Promise<Transaction> {
  const db = await getDb();
  const recorded = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(transactions)
      .set({
        bakongResponse: raw,
        lastCheckError: null,
        lastAnswerAt: now,
        leasedUntil: null,
        // A check made after expiry that found nothing is the final one.
        ...(isPastExpiry(row, now)
          ? { status: "expired" as const, nextCheckAt: null }
          : { nextCheckAt: nextCheckAt(row.createdAt, row.expiresAt!, now) }),
      })
      .where(and(eq(transactions.id, row.id), eq(transactions.status, "pending")))
      .returning();
    if (!updated) return null;
    if (note)
      await tx
        .insert(transactionEvents)
        .values({ id: randomUUID(), transactionId: row.id, kind: note.kind, detail: note.detail, createdAt: now });
    if (updated.status === "expired") {
      await tx.insert(transactionEvents).values({ id: randomUUID(), transactionId: row.id, kind: "expired", detail: null, createdAt: now });
      await enqueueTransactionEvent(tx, "transaction.expired", updated, now);
      await announceStatusChange(tx, updated.md5);
    }
    return updated;
  });
  // Read after the transaction ends: inside it, the read needs a second connection (PGlite has one, so it
  // waited forever; a busy pool can have none free).
  return recorded ?? reload(row.id);
}

/** Applies one Bakong answer to a pending transaction; shared by the check endpoint and background polling. */
export async function settleWithBakongResult(row: Transaction, result: BakongCheckResult, now: Date = new Date()): Promise<Transaction> {
  if (result.status === "found") {
    const problem = mismatch(row, result.transaction);
    if (!problem) return markPaid(row, result.transaction, result.raw, now);
    log("warn", "bakong_payment_mismatch", { transaction_id: row.id, md5: row.md5, problem });
    return recordUnpaid(row, result.raw, now, { kind: "amount_mismatch", detail: { problem } });
  }
  return recordUnpaid(row, result.raw, now);
}

export type BakongAnswer = { row: Transaction; result: BakongCheckResult };
/** What a pass needs to know of a row it settled. */
export type SettledRow = Pick<Transaction, "id" | "status">;

/** "Not found yet" answers applied per statement: a statement's fixed cost, not its rows, is what a drain pays. */
const UNPAID_BATCH = 500;

/**
 * A polling pass's "not found yet" answers of QRs not past expiry (nearly all answers), held until
 * UNPAID_BATCH have come in (a few list calls) and then applied in one statement that only reschedules the
 * rows and ends their lease; `flush` applies the rest when the pass ends. Each call returns the rows it wrote.
 */
export function unpaidAnswers(now: Date, batch = UNPAID_BATCH) {
  let held: BakongAnswer[] = [];
  const flush = async (): Promise<SettledRow[]> => {
    const taken = held;
    held = [];
    // Stryker disable next-line ConditionalExpression: equivalent, rescheduling no answers writes nothing; this saves the statement
    return taken.length === 0 ? [] : rescheduleUnpaid(taken, now);
  };
  const add = async (answers: BakongAnswer[]): Promise<SettledRow[]> => {
    held.push(...answers);
    return held.length >= batch ? flush() : [];
  };
  return { add, flush };
}

export type UnpaidAnswers = ReturnType<typeof unpaidAnswers>;

/**
 * Applies a batch of Bakong answers as a polling pass gets them: every "not found yet" answer of a QR not
 * past its expiry goes to `unpaid` (applied in bulk); anything that changes a status (paid, a mismatch,
 * the final check after expiry) is applied at once, one by one through settleWithBakongResult, exactly
 * once. Returns the rows written now.
 */
export async function settleBakongResults(answers: BakongAnswer[], now: Date, unpaid: UnpaidAnswers): Promise<SettledRow[]> {
  const stillPending = answers.filter(({ row, result }) => result.status !== "found" && !isPastExpiry(row, now));
  const settled: SettledRow[] = [];
  for (const answer of answers) {
    if (!stillPending.includes(answer)) settled.push(await settleWithBakongResult(answer.row, answer.result, now));
  }
  settled.push(...(await unpaid.add(stillPending)));
  return settled;
}

async function rescheduleUnpaid(answers: BakongAnswer[], now: Date): Promise<SettledRow[]> {
  const values = answers.map(({ row, result }) => ({
    id: row.id,
    raw: result.raw,
    // Stryker disable next-line OptionalChaining: equivalent, only answers not past expiry come here, and their next check is never null
    next: nextCheckAt(row.createdAt, row.expiresAt!, now)?.toISOString() ?? null,
  }));
  const db = await getDb();
  const answered = sql`(select * from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as answer(id uuid, raw jsonb, next timestamptz)) as answer`;
  return db
    .update(transactions)
    .set({ bakongResponse: sql`answer.raw`, lastCheckError: null, lastAnswerAt: now, nextCheckAt: sql`answer.next`, leasedUntil: null })
    .from(answered)
    .where(and(sql`${transactions.id} = answer.id`, eq(transactions.status, "pending")))
    .returning({ id: transactions.id, status: transactions.status });
}

/** Claims the right to ask Bakong about a transaction: at most once per interval, whoever asks. */
export async function claimCheck(id: string, minIntervalMs: number): Promise<boolean> {
  const db = await getDb();
  const claimed = await db
    .update(transactions)
    .set({ lastCheckedAt: sql`now()`, checkCount: sql`${transactions.checkCount} + 1` })
    .where(
      and(
        eq(transactions.id, id),
        eq(transactions.status, "pending"),
        sql`(${transactions.lastCheckedAt} is null or ${transactions.lastCheckedAt} < now() - make_interval(secs => ${minIntervalMs / 1000}::double precision))`,
      ),
    )
    .returning({ id: transactions.id });
  return claimed.length === 1;
}
