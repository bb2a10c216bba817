import type { Currency, Locale } from "@/lib/config/enums";

// Merchants and their customers are in Cambodia: times are shown in Cambodian time whatever the server's zone.
export const CAMBODIA_TIME_ZONE = "Asia/Phnom_Penh";

const KHMER_DIGITS = "០១២៣៤៥៦៧៨៩";
const INTL_LOCALE: Record<Locale, string> = { km: "km-KH", en: "en-GB" };

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

function dateFormat(preferences: FormatPreferences, withYearAndSeconds: boolean): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(INTL_LOCALE[preferences.locale], {
    timeZone: CAMBODIA_TIME_ZONE,
    numberingSystem: preferences.khmerDigits ? "khmr" : "latn",
    day: "numeric",
    month: "short",
    ...(withYearAndSeconds ? { year: "numeric", second: "2-digit" } : {}),
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
}

/** "13 May 2026, 14:15:00 ICT" / "13 ឧសភា 2026, 14:15:00": always Cambodia time (UTC+7). */
export function formatDateTime(value: Date | string, preferences: FormatPreferences): string {
  const text = dateFormat(preferences, true).format(new Date(value));
  return preferences.locale === "en" ? `${text} ICT` : text;
}

export function formatShortDateTime(value: Date | string, preferences: FormatPreferences): string {
  return dateFormat(preferences, false).format(new Date(value));
}

export type Formatter = ReturnType<typeof formatterFor>;

/** The formatters bound to one reader's preferences; "—" stands for a time that has not happened. */
export function formatterFor(preferences: FormatPreferences) {
  return {
    money: (amount: string | number, currency: Currency) => formatMoney(amount, currency, preferences),
    count: (value: number) => formatCount(value, preferences),
    dateTime: (value: Date | string | null) => (value ? formatDateTime(value, preferences) : "—"),
    shortDateTime: (value: Date | string | null) => (value ? formatShortDateTime(value, preferences) : "—"),
  };
}
