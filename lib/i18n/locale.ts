import { LOCALES, type Locale } from "@/lib/config/enums";

/** Khmer first: a visitor whose browser names neither language gets the language most of our users read. */
export const DEFAULT_LOCALE: Locale = "km";

/** The cookie the public pages' language switch writes (next-intl's own name for it). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The supported language an Accept-Language header prefers most ("km-KH,km;q=0.9,en;q=0.8" → "km"), if any. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | undefined {
  if (!acceptLanguage) return undefined;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const quality = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { language: tag.trim().toLowerCase().split("-")[0], quality: quality === undefined ? 1 : Number(quality), index };
    })
    .filter((entry) => entry.quality > 0 && !Number.isNaN(entry.quality))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale);
}

/**
 * The language a page speaks: the signed-in user's saved preference (the dashboard), else the visitor's
 * choice in the language switch (cookie), else what the browser asks for, else Khmer.
 */
export function resolveLocale(sources: { saved?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(sources.saved)) return sources.saved;
  if (isLocale(sources.cookie)) return sources.cookie;
  return negotiateLocale(sources.acceptLanguage) ?? DEFAULT_LOCALE;
}
