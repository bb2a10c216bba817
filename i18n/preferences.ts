import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getSessionUser } from "@/lib/auth/session";
import { LOCALE_COOKIE, resolveLocale, type FormatPreferences } from "@/lib/i18n";

/**
 * The language and digits of this request. The dashboard (proxy.ts marks its requests) speaks the signed-in
 * user's saved language; public pages the language switch's cookie, else Accept-Language, else Khmer.
 * Khmer digits are an account preference, so they apply wherever the user is signed in.
 */
export const requestPreferences = cache(async (): Promise<FormatPreferences> => {
  const [jar, headerList] = await Promise.all([cookies(), headers()]);
  const signedInArea = headerList.get("x-khqr-area") === "signed-in";
  const user = await getSessionUser();
  const locale = resolveLocale({
    saved: signedInArea ? user?.locale : undefined,
    cookie: jar.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  return { locale, khmerDigits: user?.khmerDigits ?? false };
});
