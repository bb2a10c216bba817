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

/**
 * Whether "YYYY-MM-DD" names a day that exists (no 2024-02-31), between 1970 and 9999: PostgreSQL
 * refuses impossible dates and year 0, where JavaScript's Date would roll them over quietly.
 */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1970 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `now` on a Cambodian wall clock, "YYYY-MM-DD HH:MM": how alerts tell the time. */
export function cambodiaDateTime(now: Date): string {
  return new Date(now.getTime() + CAMBODIA_UTC_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}
