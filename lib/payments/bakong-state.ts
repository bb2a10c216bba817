import { eq, sql } from "drizzle-orm";
import {
  bakongCallsPerMinute,
  BUDGET_AHEAD_MS,
  LIST_REFUSED_MS,
  OUTAGE_FAILURES_TO_OPEN,
  OUTAGE_MAX_OPEN_MS,
  OUTAGE_OPEN_MS,
  POLLER_FRESH_MS,
} from "@/lib/config/bakong-limits";
import { MODES, type Mode } from "@/lib/config/enums";
import { getDb } from "@/lib/db";
import { bakongState } from "@/lib/db/schema";
import { log } from "@/lib/log";

export type BakongModeState = typeof bakongState.$inferSelect;

async function ensureRows(): Promise<void> {
  const db = await getDb();
  await db
    .insert(bakongState)
    .values(MODES.map((mode) => ({ mode })))
    .onConflictDoNothing();
}

/** The shared state of a mode: one primary-key read, so a breaker opened by any instance is seen at once. */
export async function readBakongState(mode: Mode): Promise<BakongModeState> {
  const db = await getDb();
  let [state] = await db.select().from(bakongState).where(eq(bakongState.mode, mode)).limit(1);
  // Stryker disable next-line ConditionalExpression: "true" is equivalent (inserting an existing row does nothing, the re-read finds it again); "false" fails every test on a fresh database
  if (!state) {
    await ensureRows();
    [state] = await db.select().from(bakongState).where(eq(bakongState.mode, mode)).limit(1);
  }
  return state!;
}

export function pollerIsRunning(state: BakongModeState, now: Date): boolean {
  return state.pollerSeenAt !== null && now.getTime() - state.pollerSeenAt.getTime() < POLLER_FRESH_MS;
}

/** Each polling pass says it ran: client checks then leave Bakong to the batches. */
export async function recordPollerHeartbeat(now: Date): Promise<void> {
  await ensureRows();
  const db = await getDb();
  await db.update(bakongState).set({ pollerSeenAt: now });
}

const minuteOf = (now: Date) => new Date(Math.floor(now.getTime() / 60_000) * 60_000);

/** The bucket's size: how far ahead of the budget's steady rate calls may run (BUDGET_AHEAD_MS of it). */
function bucketSize(perMinute: number): number {
  return Math.max(1, Math.round((perMinute * BUDGET_AHEAD_MS) / 60_000));
}

/**
 * Takes up to `wanted` calls from the mode's budget, atomically across instances (the row is locked for
 * the one statement); returns how many were granted, 0 when the budget is spent. The budget is a token
 * bucket refilled at BAKONG_MAX_CALLS_PER_MINUTE and holding a few seconds' worth, so calls are spread
 * over the minute and no 60 seconds ever see much more than the budget.
 */
export async function reserveBakongCalls(mode: Mode, wanted: number, now: Date = new Date()): Promise<number> {
  if (wanted <= 0) return 0;
  await ensureRows();
  const db = await getDb();
  const perMinute = bakongCallsPerMinute();
  const size = bucketSize(perMinute);
  const at = now.toISOString();
  const minute = minuteOf(now).toISOString();
  const result = (await db.execute(sql`
    with current_budget as (
      select mode,
        least(${size}::double precision, coalesce(budget_tokens, ${size}::double precision)
          + ${perMinute / 60_000}::double precision * greatest(0, extract(epoch from (${at}::timestamptz - coalesce(budget_refilled_at, ${at}::timestamptz))) * 1000)) as tokens,
        case when budget_minute = ${minute}::timestamptz then calls_in_minute else 0 end as used
      from ${bakongState} where mode = ${mode} for update
    ), grant_ as (
      select mode, tokens, used, least(${wanted}::integer, floor(tokens)::integer) as granted from current_budget
    )
    update ${bakongState}
    set budget_tokens = grant_.tokens - grant_.granted, budget_refilled_at = greatest(${at}::timestamptz, coalesce(budget_refilled_at, ${at}::timestamptz)),
        budget_minute = ${minute}::timestamptz, calls_in_minute = grant_.used + grant_.granted
    from grant_ where ${bakongState}.mode = grant_.mode
    returning grant_.granted as granted`)) as unknown as { rows: { granted: number | string }[] };
  // Stryker disable next-line OptionalChaining: equivalent, ensureRows above made the mode's row, so the update always returns one
  return Number(result.rows[0]?.granted ?? 0);
}

/** Gives back calls reserved but not made (a batch that needed fewer). */
export async function releaseBakongCalls(mode: Mode, unused: number, now: Date = new Date()): Promise<void> {
  if (unused <= 0) return;
  const db = await getDb();
  const size = bucketSize(bakongCallsPerMinute());
  await db
    .update(bakongState)
    .set({
      budgetTokens: sql`least(${size}::double precision, coalesce(${bakongState.budgetTokens}, 0) + ${unused}::integer)`,
      callsInMinute: sql`case when ${bakongState.budgetMinute} = ${minuteOf(now).toISOString()}::timestamptz then greatest(0, ${bakongState.callsInMinute} - ${unused}::integer) else ${bakongState.callsInMinute} end`,
    })
    .where(eq(bakongState.mode, mode));
}

/** Bakong answered: a closed breaker stays closed (no write, or only its failure count reset); an open one closes, logged once. */
export async function recordBakongAnswered(mode: Mode): Promise<void> {
  const db = await getDb();
  // RETURNING sees the row as updated: whether the breaker was open (rather than only counting failures
  // too few to open it) is read from the row locked before the update.
  const result = (await db.execute(sql`
    with previous as (
      select mode, outage_until is not null as was_open from ${bakongState}
      where mode = ${mode} and (consecutive_failures > 0 or outage_until is not null) for update
    )
    update ${bakongState} set consecutive_failures = 0, outage_until = null, outage_detail = null
    from previous where ${bakongState}.mode = previous.mode
    returning previous.was_open as was_open`)) as unknown as { rows: { was_open: boolean }[] };
  if (result.rows[0]?.was_open) {
    log("info", "bakong_breaker_changed", { mode, breaker: "outage", state: "closed" });
  }
}

/**
 * Bakong did not answer (timeout, 5xx, 429, network). After OUTAGE_FAILURES_TO_OPEN in a row the breaker
 * opens: calls stop and checks answer 502 at once until `outage_until`, when one probe may go through. Each
 * failure while open (a failed probe) doubles the pause, up to OUTAGE_MAX_OPEN_MS.
 */
export async function recordBakongFailure(mode: Mode, detail: string, now: Date = new Date()): Promise<void> {
  await ensureRows();
  const db = await getDb();
  const failures = sql`${bakongState.consecutiveFailures} + 1`;
  const pauseMs = sql`least(${OUTAGE_MAX_OPEN_MS}::bigint, ${OUTAGE_OPEN_MS}::bigint * power(2, greatest(0, ${failures} - ${OUTAGE_FAILURES_TO_OPEN}))::bigint)`;
  const [row] = await db
    .update(bakongState)
    .set({
      consecutiveFailures: failures,
      outageDetail: detail,
      outageUntil: sql`case when ${failures} >= ${OUTAGE_FAILURES_TO_OPEN} then ${now.toISOString()}::timestamptz + make_interval(secs => ${pauseMs} / 1000.0) else ${bakongState.outageUntil} end`,
    })
    .where(eq(bakongState.mode, mode))
    .returning({ failures: bakongState.consecutiveFailures, outageUntil: bakongState.outageUntil });
  // Stryker disable next-line OptionalChaining: equivalent, ensureRows above made the mode's row, so the update always returns one
  if (row?.failures === OUTAGE_FAILURES_TO_OPEN) {
    // Stryker disable next-line OptionalChaining: equivalent, outage_until is always set once the failures reach OUTAGE_FAILURES_TO_OPEN
    log("warn", "bakong_breaker_changed", { mode, breaker: "outage", state: "open", until: row.outageUntil?.toISOString(), detail });
  }
}

/**
 * The breaker is open until `outage_until`; after that, exactly one caller across all instances gets to
 * probe (it pushes `outage_until` ahead by the probe's own time budget). True for that one caller.
 */
export async function claimOutageProbe(mode: Mode, probeMs: number, now: Date = new Date()): Promise<boolean> {
  const db = await getDb();
  const claimed = await db
    .update(bakongState)
    .set({ outageUntil: new Date(now.getTime() + probeMs) })
    .where(sql`${bakongState.mode} = ${mode} and ${bakongState.outageUntil} <= ${now.toISOString()}::timestamptz`)
    .returning({ mode: bakongState.mode });
  return claimed.length === 1;
}

/** The md5-list endpoint refused a call: leave it alone for LIST_REFUSED_MS (logged when it opens, once across instances). */
export async function recordListRefused(mode: Mode, detail: string, now: Date = new Date()): Promise<void> {
  await ensureRows();
  const db = await getDb();
  const [opened] = await db
    .update(bakongState)
    .set({ listRefusedUntil: new Date(now.getTime() + LIST_REFUSED_MS) })
    .where(
      sql`${bakongState.mode} = ${mode} and (${bakongState.listRefusedUntil} is null or ${bakongState.listRefusedUntil} <= ${now.toISOString()}::timestamptz)`,
    )
    .returning({ mode: bakongState.mode });
  if (opened) log("warn", "bakong_breaker_changed", { mode, breaker: "md5_list", state: "open", detail, retry_after_ms: LIST_REFUSED_MS });
}

/** A list call went through: the list endpoint is usable again. */
export async function recordListAnswered(mode: Mode): Promise<void> {
  const db = await getDb();
  const reopened = await db
    .update(bakongState)
    .set({ listRefusedUntil: null })
    .where(sql`${bakongState.mode} = ${mode} and ${bakongState.listRefusedUntil} is not null`)
    .returning({ mode: bakongState.mode });
  if (reopened.length > 0) {
    log("info", "bakong_breaker_changed", { mode, breaker: "md5_list", state: "closed" });
  }
}

export function listEndpointUsable(state: BakongModeState, now: Date): boolean {
  return state.listRefusedUntil === null || state.listRefusedUntil.getTime() <= now.getTime();
}
