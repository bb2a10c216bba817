import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LIST_REFUSED_MS, OUTAGE_OPEN_MS, POLLER_FRESH_MS } from "@/lib/config/bakong-limits";
import { getDb } from "@/lib/db";
import { bakongState } from "@/lib/db/schema";
import { bakongStatus } from "@/lib/payments";
import {
  claimOutageProbe,
  listEndpointUsable,
  pollerIsRunning,
  readBakongState,
  recordBakongAnswered,
  recordBakongFailure,
  recordListAnswered,
  recordListRefused,
  recordPollerHeartbeat,
  releaseBakongCalls,
  reserveBakongCalls,
} from "@/lib/payments/bakong-state";
import { logLines } from "../helpers/log-lines";

/** The top of a minute, far from the real clock: every call here passes its own `now`. */
const MINUTE = new Date("2026-03-02T10:00:00.000Z").getTime();
const at = (ms: number) => new Date(MINUTE + ms);
const DAY_MS = 86_400_000;

/** The operator-facing breaker lines logged while `run` runs, without their timestamps (toEqual skips undefined fields). */
async function breakerLines(run: () => Promise<unknown>) {
  const lines = await logLines(run);
  return lines.filter((line) => line.msg === "bakong_breaker_changed").map((line) => ({ ...line, time: undefined }));
}

/** A Bakong token as Bakong issues it: a JWT whose `exp` claim says when it stops working. */
function jwtExpiringAt(expiresAt: Date): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "HS256", typ: "JWT" })}.${part({ exp: expiresAt.getTime() / 1000 })}.signature`;
}

beforeEach(async () => {
  // 120 calls a minute: the bucket holds 5 s worth, 10 calls.
  vi.stubEnv("BAKONG_MAX_CALLS_PER_MINUTE", "120");
  vi.stubEnv("BAKONG_TOKEN", "");
  const db = await getDb();
  await db.delete(bakongState);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the Bakong status /api/health reports", () => {
  it("with nothing recorded yet: the budget unused, both breakers closed, no poller, no token lifetime", async () => {
    expect(await bakongStatus(at(30_000))).toEqual({
      calls_per_minute: 120,
      calls_this_minute: 0,
      md5_list: "usable",
      md5_list_retry_at: null,
      outage: "closed",
      outage_until: null,
      poller: "not_seen",
      poller_seen_at: null,
      token_expires_at: null,
      token_days_left: null,
    });
  });

  it("while everything is in play: this minute's calls, both breakers open with their end, the poller, the token's days left", async () => {
    const tokenExpiry = new Date(MINUTE + 10.5 * DAY_MS);
    vi.stubEnv("BAKONG_TOKEN", jwtExpiringAt(tokenExpiry));
    expect(await reserveBakongCalls("live", 3, at(20_000))).toBe(3);
    await recordListRefused("live", "403 from the list endpoint", at(10_000));
    for (let failure = 0; failure < 3; failure++) await recordBakongFailure("live", "Bakong did not answer (timeout).", at(30_000));
    await recordPollerHeartbeat(at(35_000));

    expect(await bakongStatus(at(40_000))).toEqual({
      calls_per_minute: 120,
      calls_this_minute: 3,
      md5_list: "refused",
      md5_list_retry_at: at(10_000 + LIST_REFUSED_MS).toISOString(),
      outage: "open",
      outage_until: at(30_000 + OUTAGE_OPEN_MS).toISOString(),
      poller: "running",
      poller_seen_at: at(35_000).toISOString(),
      token_expires_at: tokenExpiry.toISOString(),
      token_days_left: 10,
    });
  });

  it("at the very moment a breaker's pause ends it reports it closed; a new minute starts its count at 0; a quiet poller is not running", async () => {
    await reserveBakongCalls("live", 3, at(50_000));
    await recordListRefused("live", "403 from the list endpoint", at(0));
    for (let failure = 0; failure < 3; failure++)
      await recordBakongFailure("live", "Bakong did not answer (timeout).", at(LIST_REFUSED_MS - OUTAGE_OPEN_MS));
    await recordPollerHeartbeat(at(LIST_REFUSED_MS - POLLER_FRESH_MS));

    expect(await bakongStatus(at(LIST_REFUSED_MS))).toMatchObject({
      calls_this_minute: 0,
      md5_list: "usable",
      md5_list_retry_at: null,
      outage: "closed",
      outage_until: null,
      poller: "not_seen",
      poller_seen_at: at(LIST_REFUSED_MS - POLLER_FRESH_MS).toISOString(),
    });
  });
});

describe("the poller's heartbeat", () => {
  it("counts as a running poller for POLLER_FRESH_MS, not a moment longer", async () => {
    expect(pollerIsRunning(await readBakongState("live"), at(0))).toBe(false);
    await recordPollerHeartbeat(at(0));
    const state = await readBakongState("live");
    expect(pollerIsRunning(state, at(POLLER_FRESH_MS - 1))).toBe(true);
    expect(pollerIsRunning(state, at(POLLER_FRESH_MS))).toBe(false);
  });
});

describe("the call budget's edges", () => {
  it("asking for no calls (or fewer than none) is granted none and leaves the shared budget as it was", async () => {
    await reserveBakongCalls("live", 4, at(1_000));
    const before = await readBakongState("live");
    expect(await reserveBakongCalls("live", 0, at(2_000))).toBe(0);
    expect(await reserveBakongCalls("live", -3, at(2_000))).toBe(0);
    expect(await readBakongState("live")).toEqual(before);
  });

  it("a budget never used before is whole after being given back nothing", async () => {
    // The mode's row exists (the poller's heartbeat wrote it) but no call was reserved yet.
    await recordPollerHeartbeat(at(0));
    await releaseBakongCalls("live", 0, at(1_000));
    expect(await reserveBakongCalls("live", 1_000, at(1_000))).toBe(10);
  });

  it("giving back fewer than no calls takes nothing from the budget", async () => {
    expect(await reserveBakongCalls("live", 6, at(1_000))).toBe(6);
    const before = await readBakongState("live");
    await releaseBakongCalls("live", -2, at(1_000));
    expect(await readBakongState("live")).toEqual(before);
    expect(await reserveBakongCalls("live", 1_000, at(1_000))).toBe(4);
  });

  it("calls given back can be taken again and no longer count as made this minute", async () => {
    expect(await reserveBakongCalls("live", 10, at(1_000))).toBe(10);
    await releaseBakongCalls("live", 4, at(1_000));
    expect((await bakongStatus(at(1_000))).calls_this_minute).toBe(6);
    expect(await reserveBakongCalls("live", 1_000, at(1_000))).toBe(4);
  });
});

describe("the outage breaker", () => {
  it("opens on the third failure in a row, logged once with its end and why; further failures keep it open without logging", async () => {
    const lines = [];
    for (let failure = 1; failure <= 4; failure++) {
      lines.push(await breakerLines(() => recordBakongFailure("live", `failure ${failure}`, at(0))));
    }
    expect(lines).toEqual([
      [],
      [],
      [
        {
          level: "warn",
          msg: "bakong_breaker_changed",
          mode: "live",
          breaker: "outage",
          state: "open",
          until: at(OUTAGE_OPEN_MS).toISOString(),
          detail: "failure 3",
        },
      ],
      [],
    ]);
    // A failed probe doubles the pause.
    expect(await readBakongState("live")).toMatchObject({
      consecutiveFailures: 4,
      outageUntil: at(2 * OUTAGE_OPEN_MS),
      outageDetail: "failure 4",
    });
  });

  it("closes when Bakong answers again, logged once; an answer while it is closed writes and logs nothing", async () => {
    for (let failure = 0; failure < 3; failure++) await recordBakongFailure("live", "Bakong did not answer (timeout).", at(0));
    expect(await breakerLines(() => recordBakongAnswered("live"))).toEqual([
      { level: "info", msg: "bakong_breaker_changed", mode: "live", breaker: "outage", state: "closed" },
    ]);
    expect(await readBakongState("live")).toMatchObject({ consecutiveFailures: 0, outageUntil: null, outageDetail: null });
    expect(await breakerLines(() => recordBakongAnswered("live"))).toEqual([]);
  });

  it("an answer after failures too few to open it resets the count without reporting a breaker change", async () => {
    await recordBakongFailure("live", "Bakong did not answer (timeout).", at(0));
    await recordBakongFailure("live", "Bakong did not answer (timeout).", at(0));
    expect(await breakerLines(() => recordBakongAnswered("live"))).toEqual([]);
    expect(await readBakongState("live")).toMatchObject({ consecutiveFailures: 0, outageUntil: null, outageDetail: null });
    // The count started again: two more failures do not open it.
    await recordBakongFailure("live", "Bakong did not answer (timeout).", at(0));
    await recordBakongFailure("live", "Bakong did not answer (timeout).", at(0));
    expect((await readBakongState("live")).outageUntil).toBeNull();
  });

  it("lets exactly one caller probe once the pause is over, and holds the others off for the probe's time", async () => {
    expect(await claimOutageProbe("live", 20_000, at(0))).toBe(false);
    for (let failure = 0; failure < 3; failure++) await recordBakongFailure("live", "Bakong did not answer (timeout).", at(0));

    expect(await claimOutageProbe("live", 20_000, at(OUTAGE_OPEN_MS - 1))).toBe(false);
    expect(await claimOutageProbe("live", 20_000, at(OUTAGE_OPEN_MS))).toBe(true);
    expect((await readBakongState("live")).outageUntil).toEqual(at(OUTAGE_OPEN_MS + 20_000));
    expect(await claimOutageProbe("live", 20_000, at(OUTAGE_OPEN_MS))).toBe(false);
    expect(await claimOutageProbe("live", 20_000, at(OUTAGE_OPEN_MS + 20_000))).toBe(true);
  });
});

describe("the md5-list breaker", () => {
  it("opens when the list endpoint refuses, logged once however many refusals; it is usable again from the moment the pause ends", async () => {
    const first = await breakerLines(() => recordListRefused("live", "403 Forbidden", at(0)));
    expect(first).toEqual([
      {
        level: "warn",
        msg: "bakong_breaker_changed",
        mode: "live",
        breaker: "md5_list",
        state: "open",
        detail: "403 Forbidden",
        retry_after_ms: LIST_REFUSED_MS,
      },
    ]);
    expect(await breakerLines(() => recordListRefused("live", "403 Forbidden", at(5_000)))).toEqual([]);
    const state = await readBakongState("live");
    expect(state.listRefusedUntil).toEqual(at(LIST_REFUSED_MS));
    expect(listEndpointUsable(state, at(LIST_REFUSED_MS - 1))).toBe(false);
    expect(listEndpointUsable(state, at(LIST_REFUSED_MS))).toBe(true);
  });

  it("closes when a list call goes through, logged once; a list answer while it is closed logs nothing", async () => {
    await recordListRefused("live", "403 Forbidden", at(0));
    expect(await breakerLines(() => recordListAnswered("live"))).toEqual([
      { level: "info", msg: "bakong_breaker_changed", mode: "live", breaker: "md5_list", state: "closed" },
    ]);
    const state = await readBakongState("live");
    expect(state.listRefusedUntil).toBeNull();
    expect(listEndpointUsable(state, at(0))).toBe(true);
    expect(await breakerLines(() => recordListAnswered("live"))).toEqual([]);
  });
});
