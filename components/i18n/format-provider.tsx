"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { formatterFor, type FormatPreferences, type Formatter } from "@/lib/i18n";

const PreferencesContext = createContext<FormatPreferences>({ locale: "en", khmerDigits: false });

/** The reader's language and digits, for the money, counts and dates client components write. */
export function FormatProvider({ preferences, children }: { preferences: FormatPreferences; children: ReactNode }) {
  return <PreferencesContext.Provider value={preferences}>{children}</PreferencesContext.Provider>;
}

export function useFormat(): Formatter {
  const preferences = useContext(PreferencesContext);
  return useMemo(() => formatterFor(preferences), [preferences]);
}
