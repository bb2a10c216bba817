import { MD5_LIST_MAX, type BakongCheckResult, type BakongClient } from "@/lib/bakong";
import type { Mode } from "@/lib/config/enums";
import type { Transaction } from "@/lib/db/schema";
import { errorFields, log } from "@/lib/log";
import { chunksOf, mapLimited } from "@/lib/std";
import { bakongClientFor } from "./bakong-clients";
import { deferChecks, outageBackoffMs } from "./bakong-outage";
import { claimDueTransactions } from "./claim-due";
import { settleWithBakongResult } from "./settle";

/** List calls in flight at once per ledger (live Bakong, or one account's sandbox): fast enough for thousands of QRs, gentle on Bakong. */
const LIST_CALL_CONCURRENCY = 4;
/** Results applied at once: each is a short database transaction. */
const SETTLE_CONCURRENCY = 8;
const DEFAULT_POLL_LIMIT = 2_000;

export type PollOptions = {
  now?: Date;
  limit?: number;
  clientFor?: (account: { mode: Mode; userId: string }) => BakongClient;
};

export type PollSummary = {
  claimed: number;
  listCalls: number;
  paid: number;
  expired: number;
  stillPending: number;
  deferred: number;
};

/**
 * One polling pass: claims the pending dynamic transactions that are due, asks Bakong about them 50 md5s
 * per call (live rows together; test rows per account, each to its own sandbox ledger), and applies each answer with settleWithBakongResult,
 * the same transition /transaction/check uses. A Bakong failure defers the affected transactions (and the
 * rest of that ledger's batches, which would fail alike) without touching their status.
 */
export async function pollDueTransactions(options: PollOptions = {}): Promise<PollSummary> {
  const now = options.now ?? new Date();
  const clientFor = options.clientFor ?? bakongClientFor;
  const claimed = await claimDueTransactions({ now, limit: options.limit ?? DEFAULT_POLL_LIMIT });
  const summary: PollSummary = { claimed: claimed.length, listCalls: 0, paid: 0, expired: 0, stillPending: 0, deferred: 0 };
  for (const rows of groupByLedger(claimed)) {
    await pollMode(clientFor(rows[0]!), rows, now, summary);
  }
  return summary;
}

async function pollMode(client: BakongClient, rows: Transaction[], now: Date, summary: PollSummary): Promise<void> {
  let outage: unknown = null;
  await mapLimited(chunksOf(rows, MD5_LIST_MAX), LIST_CALL_CONCURRENCY, async (batch) => {
    if (outage !== null) return defer(batch, outage);
    let results: Map<string, BakongCheckResult>;
    try {
      summary.listCalls += 1;
      results = await client.checkTransactionsByMd5List(batch.map((row) => row.md5));
    } catch (error) {
      outage ??= error;
      // Expected during outages: the message is enough, no stack.
      log("warn", "bakong_poll_failed", {
        mode: batch[0]?.mode,
        md5_count: batch.length,
        retry_in_ms: outageBackoffMs(error),
        error_message: error instanceof Error ? error.message : String(error),
      });
      return defer(batch, error);
    }
    await mapLimited(batch, SETTLE_CONCURRENCY, (row) => settle(row, results.get(row.md5), now, summary));
  });

  async function defer(batch: Transaction[], error: unknown): Promise<void> {
    await deferChecks(batch, error, now);
    summary.deferred += batch.length;
  }
}

async function settle(row: Transaction, result: BakongCheckResult | undefined, now: Date, summary: PollSummary): Promise<void> {
  // No answer for this md5 (never expected): the lease runs out and it is asked again.
  if (result === undefined) return;
  try {
    const settled = await settleWithBakongResult(row, result, now);
    if (settled.status === "paid") summary.paid += 1;
    else if (settled.status === "expired") summary.expired += 1;
    else summary.stillPending += 1;
  } catch (error) {
    log("error", "poll_settle_failed", { transaction_id: row.id, ...errorFields(error) });
  }
}

/** Live rows are asked of Bakong together; test rows per account, each account having its own sandbox ledger. */
function groupByLedger(rows: Transaction[]): Transaction[][] {
  const groups = new Map<string, Transaction[]>();
  for (const row of rows) {
    const ledger = row.mode === "live" ? "live" : `test:${row.userId}`;
    const group = groups.get(ledger);
    if (group) group.push(row);
    else groups.set(ledger, [row]);
  }
  return [...groups.values()];
}
