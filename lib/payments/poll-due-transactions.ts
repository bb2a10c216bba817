import { BakongUnavailableError, MD5_LIST_MAX, type BakongCheckResult, type BakongClient } from "@/lib/bakong";
import { MODES, type Mode } from "@/lib/config/enums";
import type { Transaction } from "@/lib/db/schema";
import { errorFields, log } from "@/lib/log";
import { chunksOf, mapLimited } from "@/lib/std";
import { bakongClientFor } from "./bakong-clients";
import { deferChecks, outageBackoffMs, outageDetail, rescheduleNow } from "./bakong-outage";
import {
  claimOutageProbe,
  listEndpointUsable,
  readBakongState,
  recordBakongAnswered,
  recordBakongFailure,
  recordListAnswered,
  recordListRefused,
  recordPollerHeartbeat,
  releaseBakongCalls,
  reserveBakongCalls,
} from "./bakong-state";
import { claimDueTransactions } from "./claim-due";
import { settleBakongResults, unpaidAnswers, type SettledRow, type UnpaidAnswers } from "./settle";

/** List calls in flight at once per ledger (live Bakong, or one account's sandbox): fast enough for thousands of QRs, gentle on Bakong. */
const LIST_CALL_CONCURRENCY = 4;
/** Single checks in flight at once, when the list endpoint cannot be used: a fallback, never a flood. */
const SINGLE_CHECK_CONCURRENCY = 5;
const DEFAULT_POLL_LIMIT = 2_000;
/** The probe after an outage is one call: how long it may take before another instance may probe. */
const PROBE_MS = 20_000;

export type PollOptions = {
  now?: Date;
  limit?: number;
  clientFor?: (mode: Mode) => BakongClient;
};

export type PollSummary = {
  claimed: number;
  listCalls: number;
  singleCalls: number;
  paid: number;
  expired: number;
  stillPending: number;
  deferred: number;
};

/**
 * One polling pass: for each mode, claims the due pending dynamic transactions it can afford to ask about,
 * asks Bakong 50 md5s per list call (test mode: the sandbox), and applies each answer with
 * settleWithBakongResult, the same transition /transaction/check uses. Live calls come out of the shared
 * per-minute budget, stop while Bakong is not answering (one probe then finds out whether it is back), and
 * fall back to single checks while the md5-list endpoint refuses list calls. A Bakong failure defers the
 * affected transactions without touching their status. The pass's heartbeat tells client checks that a
 * poller is running, so they ride its batches instead of calling Bakong themselves.
 */
export async function pollDueTransactions(options: PollOptions = {}): Promise<PollSummary> {
  const now = options.now ?? new Date();
  const clientFor = options.clientFor ?? bakongClientFor;
  const limit = options.limit ?? DEFAULT_POLL_LIMIT;
  await recordPollerHeartbeat(now);
  const summary: PollSummary = { claimed: 0, listCalls: 0, singleCalls: 0, paid: 0, expired: 0, stillPending: 0, deferred: 0 };
  for (const mode of MODES) {
    if (mode === "test") await pollSandbox(clientFor(mode), limit, now, summary);
    else await pollLive(clientFor(mode), limit, now, summary);
  }
  return summary;
}

/** The sandbox is our own database: no budget, no breakers. */
async function pollSandbox(client: BakongClient, limit: number, now: Date, summary: PollSummary): Promise<void> {
  const rows = await claimDueTransactions({ now, limit, mode: "test" });
  summary.claimed += rows.length;
  const unpaid = unpaidAnswers(now);
  await mapLimited(chunksOf(rows, MD5_LIST_MAX), LIST_CALL_CONCURRENCY, async (batch) => {
    const { results } = await client.checkMd5List(batch.map((row) => row.md5));
    await settleAll(batch, results, { now, summary, unpaid });
  });
  await applyUnpaid(unpaid, summary);
}

async function pollLive(client: BakongClient, limit: number, now: Date, summary: PollSummary): Promise<void> {
  const state = await readBakongState("live");
  const probing = state.outageUntil !== null;
  if (probing && !(await claimOutageProbe("live", PROBE_MS, now))) return;
  const useList = listEndpointUsable(state, now);
  const perCall = useList ? MD5_LIST_MAX : 1;
  const wantedCalls = probing ? 1 : Math.ceil(limit / perCall);
  const granted = await reserveBakongCalls("live", wantedCalls, now);
  // Stryker disable next-line ConditionalExpression: equivalent, with nothing granted the claim below takes no row (limit 0), releases nothing and returns
  if (granted === 0) return;
  const rows = await claimDueTransactions({ now, limit: Math.min(limit, granted * perCall), mode: "live" });
  summary.claimed += rows.length;
  const callsNeeded = Math.ceil(rows.length / perCall);
  await releaseBakongCalls("live", granted - callsNeeded, now);
  // Stryker disable next-line ConditionalExpression: equivalent, with no row there is no batch to ask, nothing to reschedule and no answer to flush
  if (rows.length === 0) return;

  const pass: LivePass = { client, now, summary, unpaid: unpaidAnswers(now), outage: null };
  if (useList) {
    await mapLimited(chunksOf(rows, MD5_LIST_MAX), LIST_CALL_CONCURRENCY, (batch) => askList(batch, pass));
  } else {
    await askSingly(rows, rows.length, pass);
  }
  await applyUnpaid(pass.unpaid, summary);
}

type Pass = { now: Date; summary: PollSummary; unpaid: UnpaidAnswers };
type LivePass = Pass & { client: BakongClient; outage: unknown };

async function askList(batch: Transaction[], pass: LivePass): Promise<void> {
  if (pass.outage !== null) return defer(batch, pass.outage, pass);
  let unsettled: Transaction[];
  try {
    pass.summary.listCalls += 1;
    const { results, unsettled: unsettledMd5s } = await pass.client.checkMd5List(batch.map((row) => row.md5));
    await Promise.all([recordBakongAnswered("live"), recordListAnswered("live")]);
    await settleAll(batch, results, pass);
    unsettled = batch.filter((row) => unsettledMd5s.includes(row.md5));
  } catch (error) {
    if (!(error instanceof BakongUnavailableError) || error.reason !== "list_refused") return failed(batch, error, pass);
    await recordListRefused("live", error.message, pass.now);
    unsettled = batch;
  }
  // Stryker disable next-line ConditionalExpression: equivalent, reserving 0 calls grants 0 without a write and asking no row singly does nothing
  if (unsettled.length === 0) return;
  // Items the list could not settle are asked singly, as far as the budget goes; the rest are due again now.
  const granted = await reserveBakongCalls("live", unsettled.length, pass.now);
  await askSingly(unsettled, granted, pass);
}

async function askSingly(rows: Transaction[], affordable: number, pass: LivePass): Promise<void> {
  const asked = rows.slice(0, affordable);
  await rescheduleNow(rows.slice(affordable), pass.now);
  await mapLimited(asked, SINGLE_CHECK_CONCURRENCY, async (row) => {
    if (pass.outage !== null) return defer([row], pass.outage, pass);
    try {
      pass.summary.singleCalls += 1;
      const result = await pass.client.checkTransactionByMd5(row.md5);
      await recordBakongAnswered("live");
      await settleAll([row], new Map([[row.md5, result]]), pass);
    } catch (error) {
      await failed([row], error, pass);
    }
  });
}

/** Bakong failed this batch: the rest of the pass would fail alike, so it is deferred too. */
async function failed(batch: Transaction[], error: unknown, pass: LivePass): Promise<void> {
  if (!(error instanceof BakongUnavailableError)) throw error;
  pass.outage ??= error;
  await recordBakongFailure("live", outageDetail(error), pass.now);
  // Expected during outages: the message is enough, no stack.
  log("warn", "bakong_poll_failed", {
    mode: "live",
    md5_count: batch.length,
    retry_in_ms: outageBackoffMs(error),
    error_message: error.message,
  });
  await defer(batch, error, pass);
}

async function defer(batch: Transaction[], error: unknown, pass: LivePass): Promise<void> {
  await deferChecks(batch, error, pass.now);
  pass.summary.deferred += batch.length;
}

/** A batch's answers: status changes at once, "not yet" in bulk with the pass's others; a row left unanswered is asked singly by the caller. */
async function settleAll(batch: Transaction[], results: Map<string, BakongCheckResult>, pass: Pass): Promise<void> {
  const answers = batch.flatMap((row) => {
    const result = results.get(row.md5);
    return result === undefined ? [] : [{ row, result }];
  });
  try {
    count(await settleBakongResults(answers, pass.now, pass.unpaid), pass.summary);
  } catch (error) {
    // The rows stay leased and are due again when the lease runs out.
    log("error", "poll_settle_failed", { transaction_ids: answers.map(({ row }) => row.id), ...errorFields(error) });
  }
}

/** The pass's last "not yet" answers, once every call has answered. */
async function applyUnpaid(unpaid: UnpaidAnswers, summary: PollSummary): Promise<void> {
  try {
    count(await unpaid.flush(), summary);
  } catch (error) {
    log("error", "poll_settle_failed", { ...errorFields(error) });
  }
}

function count(rows: SettledRow[], summary: PollSummary): void {
  for (const row of rows) {
    if (row.status === "paid") summary.paid += 1;
    else if (row.status === "expired") summary.expired += 1;
    else summary.stillPending += 1;
  }
}
