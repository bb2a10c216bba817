import { bakongCallsPerMinute } from "@/lib/config/bakong-limits";
import { bakongClientFor } from "./bakong-clients";
import { pollerIsRunning, readBakongState } from "./bakong-state";

const DAY_MS = 86_400_000;
const iso = (date: Date | null) => date?.toISOString() ?? null;

/** How live Bakong is being used, for /api/health: the budget, the breakers, the poller and the token (no secrets). */
export async function bakongStatus(now: Date = new Date()) {
  const state = await readBakongState("live");
  const minuteStart = Math.floor(now.getTime() / 60_000) * 60_000;
  // Stryker disable next-line StringLiteral: equivalent, bakongClientFor tells only "test" apart: any other mode is the live client
  const tokenExpiresAt = bakongClientFor("live").tokenExpiresAt();
  const listRefused = state.listRefusedUntil !== null && state.listRefusedUntil.getTime() > now.getTime();
  const outage = state.outageUntil !== null && state.outageUntil.getTime() > now.getTime();
  return {
    calls_per_minute: bakongCallsPerMinute(),
    calls_this_minute: state.budgetMinute?.getTime() === minuteStart ? state.callsInMinute : 0,
    md5_list: listRefused ? "refused" : "usable",
    md5_list_retry_at: listRefused ? iso(state.listRefusedUntil) : null,
    outage: outage ? "open" : "closed",
    outage_until: outage ? iso(state.outageUntil) : null,
    poller: pollerIsRunning(state, now) ? "running" : "not_seen",
    poller_seen_at: iso(state.pollerSeenAt),
    token_expires_at: iso(tokenExpiresAt),
    token_days_left: tokenExpiresAt ? Math.floor((tokenExpiresAt.getTime() - now.getTime()) / DAY_MS) : null,
  };
}
