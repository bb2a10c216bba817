import type { Locale } from "@/lib/config/enums";
import en from "@/messages/en.json";
import km from "@/messages/km.json";

/** One catalogue per language; global.d.ts types every key from the English one, and tests/i18n keeps the two in step. */
const CATALOGUES = { en, km } satisfies Record<Locale, typeof en>;

export function catalogue(locale: Locale): typeof en {
  return CATALOGUES[locale];
}
