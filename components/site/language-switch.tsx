"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { cn } from "@/components/ui/cn";
import { LOCALES, type Locale } from "@/lib/config/enums";
import { LOCALE_COOKIE } from "@/lib/i18n";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

function rememberLanguage(locale: Locale) {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
}

/**
 * ខ្មែរ | English on the public pages: the page re-renders in the chosen language, remembered in a cookie.
 * The dashboard speaks the account's saved language instead (Settings).
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const t = useTranslations("site.language");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t("label")} className={cn("flex items-center rounded-md text-xs ring-1 ring-slate-200", className)}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          disabled={pending}
          data-testid={`language-${locale}`}
          onClick={() =>
            startTransition(() => {
              rememberLanguage(locale);
              router.refresh();
            })
          }
          className={cn(
            "px-2 py-1 first:rounded-l-md last:rounded-r-md",
            locale === current ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-50",
          )}
        >
          {locale === "en" ? (
            <>
              <span className="sm:hidden">EN</span>
              <span className="hidden sm:inline">{t("en")}</span>
            </>
          ) : (
            t(locale)
          )}
        </button>
      ))}
    </div>
  );
}
