import { cambodiaDay } from "@/lib/ratelimit/cambodia-day";

// Cambodia has no daylight saving time: its calendar day always starts at 00:00 UTC+7.
const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant a Cambodian calendar date ("2026-05-13") began; `plusDays` moves it on whole days. */
export function cambodiaDateStart(isoDate: string, plusDays = 0): Date {
  return new Date(Date.parse(`${isoDate}T00:00:00+07:00`) + plusDays * DAY_MS);
}

/** The instant today's Cambodian calendar day began: the same day plan quotas are counted in. */
export function cambodiaDayStart(now: Date = new Date()): Date {
  return cambodiaDateStart(cambodiaDay(now));
}
