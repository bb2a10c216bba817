// Cambodia keeps UTC+7 all year (no daylight saving time), so a fixed offset is exact.
const CAMBODIA_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day in Cambodia at `now`, as YYYY-MM-DD: the day a daily quota is counted under. */
export function cambodiaDay(now: Date): string {
  return new Date(now.getTime() + CAMBODIA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The next 00:00 in Cambodia after `now`: when daily quotas start again. */
export function nextCambodiaMidnight(now: Date): Date {
  const local = new Date(now.getTime() + CAMBODIA_UTC_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1) - CAMBODIA_UTC_OFFSET_MS);
}

/** The instant a Cambodian calendar date ("2026-05-13") began; `plusDays` moves it on whole days. */
export function cambodiaDateStart(isoDate: string, plusDays = 0): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00+07:00`) + plusDays * DAY_MS);
}

/** The instant today's Cambodian calendar day began: the same day plan quotas are counted in. */
export function cambodiaDayStart(now: Date = new Date()): Date {
  return cambodiaDateStart(cambodiaDay(now));
}
