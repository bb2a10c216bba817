import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { LanguageSwitch } from "./language-switch";
import { Logo } from "./logo";

/** The header of the public pages; the calls to action depend on whether someone is signed in. */
export async function SiteHeader({ signedIn }: { signedIn: boolean }) {
  const t = await getTranslations("site.nav");
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200/80 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-2 px-4 sm:gap-4 sm:px-6">
        <Logo />
        <nav aria-label={t("main")} className="flex items-center gap-1 text-sm sm:gap-2">
          <Link href="/#how-it-works" className="hidden rounded-md px-3 py-2 text-slate-600 hover:text-slate-900 md:block">
            {t("howItWorks")}
          </Link>
          <Link href="/#pricing" className="hidden rounded-md px-3 py-2 text-slate-600 hover:text-slate-900 md:block">
            {t("pricing")}
          </Link>
          <Link href="/docs" className="hidden rounded-md px-3 py-2 text-slate-600 hover:text-slate-900 sm:block">
            {t("docs")}
          </Link>
          <LanguageSwitch />
          {signedIn ? (
            <Link href="/dashboard" className={buttonClasses("primary", "sm")}>
              {t("dashboard")}
            </Link>
          ) : (
            <>
              <Link href="/login" className="rounded-md px-2 py-2 whitespace-nowrap text-slate-600 hover:text-slate-900 sm:px-3">
                {t("logIn")}
              </Link>
              <Link href="/signup" className={buttonClasses("primary", "sm", "whitespace-nowrap")}>
                {t("signUp")}
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
