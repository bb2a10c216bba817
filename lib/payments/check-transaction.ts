import { eq } from "drizzle-orm";
import type { AccountScope } from "@/lib/accounts";
import { BakongUnavailableError } from "@/lib/bakong";
import { getDb } from "@/lib/db";
import { transactions, type Transaction } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { bakongClientFor } from "./bakong-clients";
import { outageDetail, recordCheckError, statusUnknownError } from "./bakong-outage";
import { findOwnTransactionByMd5 } from "./find-transaction";
import { checkView } from "./serialize";
import { claimCheck, settleWithBakongResult } from "./settle";

/** Bakong is asked about one transaction at most this often, however many clients poll. */
export const CHECK_MIN_INTERVAL_MS = 2_000;

// Concurrent checks of one transaction in this process share a single Bakong call and its outcome.
const inFlight = new Map<string, Promise<Transaction>>();

async function askBakong(row: Transaction): Promise<Transaction> {
  const db = await getDb();
  if (!(await claimCheck(row.id, CHECK_MIN_INTERVAL_MS))) {
    const [current] = await db.select().from(transactions).where(eq(transactions.id, row.id)).limit(1);
    if (!current) throw new AppError("not_found", "The transaction no longer exists.");
    if (current.status === "pending" && current.lastCheckError) throw statusUnknownError(current.lastCheckError);
    return current;
  }
  try {
    const result = await bakongClientFor(row).checkTransactionByMd5(row.md5);
    return await settleWithBakongResult(row, result);
  } catch (error) {
    if (!(error instanceof BakongUnavailableError)) throw error;
    log("warn", "bakong_check_failed", { transaction_id: row.id, reason: error.reason, http_status: error.httpStatus });
    const detail = outageDetail(error);
    await recordCheckError([row], detail, null);
    throw statusUnknownError(detail, error.retryAfterSeconds);
  }
}

/** Status of a payment: settled ones from the database, pending ones from Bakong (throttled and shared). */
export async function checkTransaction(scope: AccountScope, md5: string) {
  const row = await findOwnTransactionByMd5(scope, md5);
  if (row.status !== "pending") return checkView(row);
  let pending = inFlight.get(row.id);
  if (!pending) {
    pending = askBakong(row).finally(() => inFlight.delete(row.id));
    inFlight.set(row.id, pending);
  }
  return checkView(await pending);
}
