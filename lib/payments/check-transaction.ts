import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { AccountScope } from "@/lib/accounts";
import { BakongUnavailableError } from "@/lib/bakong";
import { CHECK_WAIT_MS, RECENTLY_ASKED_MS } from "@/lib/config/bakong-limits";
import { getDb } from "@/lib/db";
import { transactions, type Transaction } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { bakongClientFor } from "./bakong-clients";
import { outageDetail, recordCheckError, statusUnknownError } from "./bakong-outage";
import { pollerIsRunning, readBakongState, recordBakongAnswered, recordBakongFailure, reserveBakongCalls } from "./bakong-state";
import { findOwnTransactionByMd5 } from "./find-transaction";
import { requestPollingPass } from "./polling-wake";
import { checkView } from "./serialize";
import { claimCheck, settleWithBakongResult } from "./settle";

/** Bakong is asked about one transaction at most this often, however many clients poll. */
export const CHECK_MIN_INTERVAL_MS = 2_000;
/** How often a waiting check looks at the row while its batch is under way. */
const WAIT_STEP_MS = 100;

// Concurrent checks of one transaction in this process share a single Bakong call and its outcome.
const inFlight = new Map<string, Promise<Transaction>>();

async function reload(id: string): Promise<Transaction> {
  const db = await getDb();
  const [current] = await db.select().from(transactions).where(eq(transactions.id, id)).limit(1);
  if (!current) throw new AppError("not_found", "The transaction no longer exists.");
  return current;
}

/** What the database knows; a pending row whose last check hit an outage answers 502, never "pending". */
function known(row: Transaction): Transaction {
  // Stryker disable next-line ConditionalExpression: "true" for the status test is equivalent, every write that settles a row (settle.ts) clears last_check_error and recordCheckError only writes pending rows; its other forms fail the check tests
  if (row.status === "pending" && row.lastCheckError) throw statusUnknownError(row.lastCheckError);
  return row;
}

/**
 * A poller is running: the check never calls Bakong itself. A QR asked about in the last few seconds is
 * answered from the database; otherwise it is made due now and the check waits (≤ CHECK_WAIT_MS) for the
 * batch that takes it, so a QR someone watches is checked as often as they ask, always inside a batch.
 */
async function rideTheBatch(row: Transaction): Promise<Transaction> {
  const requestedAt = new Date();
  if (row.lastCheckedAt && requestedAt.getTime() - row.lastCheckedAt.getTime() < RECENTLY_ASKED_MS) return known(row);
  const db = await getDb();
  await db
    .update(transactions)
    .set({ nextCheckAt: requestedAt })
    .where(
      and(
        eq(transactions.id, row.id),
        eq(transactions.status, "pending"),
        gt(transactions.nextCheckAt, requestedAt),
        or(isNull(transactions.lastCheckedAt), lt(transactions.lastCheckedAt, new Date(requestedAt.getTime() - RECENTLY_ASKED_MS))),
      ),
    );
  requestPollingPass();
  const deadline = requestedAt.getTime() + CHECK_WAIT_MS;
  for (;;) {
    const current = await reload(row.id);
    const answered = current.lastAnswerAt !== null && current.lastAnswerAt.getTime() >= requestedAt.getTime();
    if (current.status !== "pending" || answered || Date.now() + WAIT_STEP_MS > deadline) return known(current);
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

/** No poller anywhere (a web-only instance): one throttled single check, within the shared budget. */
async function askBakongSingly(row: Transaction): Promise<Transaction> {
  if (!(await claimCheck(row.id, CHECK_MIN_INTERVAL_MS))) return known(await reload(row.id));
  if (row.mode === "live" && (await reserveBakongCalls("live", 1)) === 0) return known(await reload(row.id));
  try {
    const result = await bakongClientFor(row.mode).checkTransactionByMd5(row.md5);
    if (row.mode === "live") await recordBakongAnswered("live");
    return await settleWithBakongResult(row, result);
  } catch (error) {
    if (!(error instanceof BakongUnavailableError)) throw error;
    log("warn", "bakong_check_failed", { transaction_id: row.id, reason: error.reason, http_status: error.httpStatus });
    const detail = outageDetail(error);
    // Stryker disable next-line ConditionalExpression: "true" is equivalent, the sandbox client answers from our own ledger and never throws BakongUnavailableError, so only live checks get here; "false" fails tests/payments/check-transaction.test.ts
    if (row.mode === "live") await recordBakongFailure("live", detail);
    await recordCheckError([row], detail, null);
    throw statusUnknownError(detail, error.retryAfterSeconds);
  }
}

async function checkPending(row: Transaction): Promise<Transaction> {
  if (row.mode === "test") return askBakongSingly(row);
  const state = await readBakongState("live");
  const now = Date.now();
  // Bakong is not answering: say so at once rather than hold the connection for a timeout.
  if (state.outageUntil && state.outageUntil.getTime() > now) {
    throw statusUnknownError(
      state.outageDetail ?? "Bakong is not answering.",
      Math.max(1, Math.ceil((state.outageUntil.getTime() - now) / 1000)),
    );
  }
  return pollerIsRunning(state, new Date(now)) ? rideTheBatch(row) : askBakongSingly(row);
}

/** Status of a payment: settled ones from the database, pending ones from Bakong (batched, budgeted, shared). */
export async function checkTransaction(scope: AccountScope, md5: string) {
  const row = await findOwnTransactionByMd5(scope, md5);
  if (row.status !== "pending") return checkView(row);
  let pending = inFlight.get(row.id);
  if (!pending) {
    pending = checkPending(row).finally(() => inFlight.delete(row.id));
    inFlight.set(row.id, pending);
  }
  return checkView(await pending);
}
