import { and, eq, inArray } from "drizzle-orm";
import { BakongUnavailableError } from "@/lib/bakong";
import { getDb } from "@/lib/db";
import { transactions, type Transaction } from "@/lib/db/schema";

/** Shortest wait after Bakong failed to answer: 5× gentler than the 3 s cadence while it is struggling. */
export const OUTAGE_BACKOFF_MS = 15_000;
/** Nothing to poll with until the operator sets BAKONG_TOKEN. */
export const NOT_CONFIGURED_BACKOFF_MS = 60_000;
/** A Retry-After longer than this is capped, so a bad header cannot silence polling for hours. */
export const MAX_BACKOFF_MS = 600_000;

export function outageBackoffMs(error: unknown): number {
  if (!(error instanceof BakongUnavailableError)) return OUTAGE_BACKOFF_MS;
  if (error.reason === "not_configured") return NOT_CONFIGURED_BACKOFF_MS;
  const retryAfterMs = (error.retryAfterSeconds ?? 0) * 1000;
  return Math.min(Math.max(OUTAGE_BACKOFF_MS, retryAfterMs), MAX_BACKOFF_MS);
}

/** The words API clients see while a check cannot get through (the check route appends what to do). */
export function outageMessage(error: unknown): string {
  if (!(error instanceof BakongUnavailableError)) return "Bakong could not be asked (internal error).";
  if (error.reason === "not_configured") return error.message;
  return `Bakong did not answer (${error.reason}${error.httpStatus ? ` ${error.httpStatus}` : ""}).`;
}

/**
 * Bakong could not answer for these transactions: remember why and ask again later. The status never
 * changes here, since an outage says nothing about whether the customer paid. One statement for the
 * whole batch, with recordCheckError's meaning.
 */
export async function deferChecks(rows: Transaction[], error: unknown, now: Date): Promise<void> {
  if (rows.length === 0) return;
  const db = await getDb();
  await db
    .update(transactions)
    .set({ lastCheckError: outageMessage(error), nextCheckAt: new Date(now.getTime() + outageBackoffMs(error)) })
    .where(and(inArray(transactions.id, rows.map((row) => row.id)), eq(transactions.status, "pending")));
}
