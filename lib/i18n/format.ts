import type { Currency, Locale } from "@/lib/config/enums";

// Merchants and their customers are in Cambodia: times are shown in Cambodian time whatever the server's zone.
export const CAMBODIA_TIME_ZONE = "Asia/Phnom_Penh";

const KHMER_DIGITS = "០១២៣៤៥៦៧៨៩";
const INTL_LOCALE = { en: "en-GB" } as const;

export type FormatPreferences = { locale: Locale; khmerDigits: boolean };

/** Latin digits written as Khmer digits (០-៩); everything else unchanged. */
export function toKhmerDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => KHMER_DIGITS[Number(digit)]!);
}

const grouped = (value: number, fractionDigits: number) =>
  value.toLocaleString("en-US", { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });

/**
 * Money as people in Cambodia write it: whole riel grouped by thousands with ៛ ("៛20,000" in English,
 * "20,000៛" in Khmer, the sign after the number as in everyday use), dollars with two decimals ("$5.00").
 */
export function formatMoney(amount: string | number, currency: Currency, preferences: FormatPreferences): string {
  const value = Number(amount);
  const text =
    currency === "USD"
      ? `${value < 0 ? "-" : ""}$${grouped(Math.abs(value), 2)}`
      : preferences.locale === "km"
        ? `${grouped(Math.round(value), 0)}៛`
        : `៛${grouped(Math.round(value), 0)}`;
  return preferences.khmerDigits ? toKhmerDigits(text) : text;
}

export function formatCount(value: number, preferences: FormatPreferences): string {
  const text = value.toLocaleString("en-US");
  return preferences.khmerDigits ? toKhmerDigits(text) : text;
}

const KHMER_MONTHS = ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"];
// Cambodia keeps UTC+7 all year (no daylight saving time), so a fixed offset is exact.
const CAMBODIA_OFFSET_MS = 7 * 60 * 60 * 1000;
const two = (value: number) => String(value).padStart(2, "0");

function englishFormat(withYearAndSeconds: boolean): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(INTL_LOCALE.en, {
    timeZone: CAMBODIA_TIME_ZONE,
    day: "numeric",
    month: "short",
    ...(withYearAndSeconds ? { year: "numeric", second: "2-digit" } : {}),
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
}

/**
 * Khmer dates written out here rather than by Intl: browsers ship different amounts of Khmer locale data
 * (Chromium writes "2026 M12 2"), and the server's and the browser's text must match for hydration.
 */
function khmerDate(value: Date, withYearAndSeconds: boolean): string {
  const local = new Date(value.getTime() + CAMBODIA_OFFSET_MS);
  const day = `${local.getUTCDate()} ${KHMER_MONTHS[local.getUTCMonth()]}`;
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
  return withYearAndSeconds ? `${day} ${local.getUTCFullYear()}, ${time}:${two(local.getUTCSeconds())}` : `${day}, ${time}`;
}

function formatDate(value: Date | string, preferences: FormatPreferences, withYearAndSeconds: boolean): string {
  const date = new Date(value);
  const text = preferences.locale === "km" ? khmerDate(date, withYearAndSeconds) : englishFormat(withYearAndSeconds).format(date);
  return preferences.khmerDigits ? toKhmerDigits(text) : text;
}

/** "13 May 2026, 14:15:00 ICT" / "13 ឧសភា 2026, 14:15:00": always Cambodia time (UTC+7). */
export function formatDateTime(value: Date | string, preferences: FormatPreferences): string {
  const text = formatDate(value, preferences, true);
  return preferences.locale === "en" ? `${text} ICT` : text;
}

export function formatShortDateTime(value: Date | string, preferences: FormatPreferences): string {
  return formatDate(value, preferences, false);
}

export type Formatter = ReturnType<typeof formatterFor>;

/** The formatters bound to one reader's preferences; "—" stands for an amount or a time there is none of. */
export function formatterFor(preferences: FormatPreferences) {
  return {
    money: (amount: string | number | null, currency: Currency) => (amount === null ? "—" : formatMoney(amount, currency, preferences)),
    count: (value: number) => formatCount(value, preferences),
    dateTime: (value: Date | string | null) => (value ? formatDateTime(value, preferences) : "—"),
    shortDateTime: (value: Date | string | null) => (value ? formatShortDateTime(value, preferences) : "—"),
  };
}
