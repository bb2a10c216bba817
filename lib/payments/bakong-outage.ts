import { and, eq, inArray, sql } from "drizzle-orm";
import { BakongUnavailableError } from "@/lib/bakong";
import { getDb } from "@/lib/db";
import { transactions, type Transaction } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/** Shortest wait after Bakong failed to answer: 5× gentler than the 3 s cadence while it is struggling. */
export const OUTAGE_BACKOFF_MS = 15_000;
/** Nothing to poll with until the operator sets BAKONG_TOKEN. */
const NOT_CONFIGURED_BACKOFF_MS = 60_000;
/** A Retry-After longer than this is capped, so a bad header cannot silence polling for hours. */
const MAX_BACKOFF_MS = 600_000;

export function outageBackoffMs(error: unknown): number {
  if (!(error instanceof BakongUnavailableError)) return OUTAGE_BACKOFF_MS;
  if (error.reason === "not_configured") return NOT_CONFIGURED_BACKOFF_MS;
  const retryAfterMs = (error.retryAfterSeconds ?? 0) * 1000;
  return Math.min(Math.max(OUTAGE_BACKOFF_MS, retryAfterMs), MAX_BACKOFF_MS);
}

/** Why Bakong could not be asked, in words for API clients; stored as the transaction's last_check_error. */
export function outageDetail(error: unknown): string {
  if (!(error instanceof BakongUnavailableError)) return "Bakong could not be asked (internal error).";
  if (error.reason === "not_configured") return `${error.message}.`;
  return `Bakong did not answer (${error.reason}${error.httpStatus ? ` ${error.httpStatus}` : ""}).`;
}

/** The 502 a check answers while Bakong cannot tell: the status is unknown, which is not "pending". */
export function statusUnknownError(detail: string, retryAfterSeconds?: number): AppError {
  return new AppError(
    "bakong_unavailable",
    `${detail} The payment status is unknown; retry in a few seconds.`,
    retryAfterSeconds ? { retryAfterSeconds } : {},
  );
}

/**
 * Remembers that Bakong could not answer for these transactions, so concurrent checks report the outage
 * instead of "pending", and (with `retryAt`) when to ask again. The status never changes here, since an
 * outage says nothing about whether the customer paid. One statement for any number of rows.
 */
export async function recordCheckError(rows: Pick<Transaction, "id">[], detail: string, retryAt: Date | null): Promise<void> {
  // Stryker disable next-line ConditionalExpression: "false" is equivalent (with no ids drizzle's inArray is `false`: the update changes nothing); "true" is killed by the outage tests
  if (rows.length === 0) return;
  const db = await getDb();
  await db
    .update(transactions)
    .set({ lastCheckError: detail, lastAnswerAt: sql`now()`, ...(retryAt ? { nextCheckAt: retryAt, leasedUntil: null } : {}) })
    .where(
      and(
        inArray(
          transactions.id,
          rows.map((row) => row.id),
        ),
        eq(transactions.status, "pending"),
      ),
    );
}

/** Bakong could not answer for these transactions: remember why and ask again after the backoff. */
export async function deferChecks(rows: Pick<Transaction, "id">[], error: unknown, now: Date): Promise<void> {
  await recordCheckError(rows, outageDetail(error), new Date(now.getTime() + outageBackoffMs(error)));
}

/**
 * Claimed for a pass that could not afford to ask about them (the budget ran out mid-pass): due again at
 * once, so the next pass takes them, most valuable first, instead of waiting out the lease.
 */
export async function rescheduleNow(rows: Pick<Transaction, "id">[], now: Date): Promise<void> {
  // Stryker disable next-line ConditionalExpression: "false" is equivalent, with no ids drizzle's inArray is `false` and the update changes nothing; "true" is killed by tests/payments/bakong-state-outage.test.ts
  if (rows.length === 0) return;
  const db = await getDb();
  await db
    .update(transactions)
    .set({ nextCheckAt: now, leasedUntil: null })
    .where(
      and(
        inArray(
          transactions.id,
          rows.map((row) => row.id),
        ),
        eq(transactions.status, "pending"),
      ),
    );
}
