import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LogoMark } from "./logo";

export async function SiteFooter() {
  const t = await getTranslations("site.footer");
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 text-sm text-slate-500 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <div className="flex items-center gap-2">
          <LogoMark className="size-5" />
          <span>{t("tagline")}</span>
        </div>
        <nav aria-label={t("label")} className="flex flex-wrap gap-4">
          <Link href="/docs" className="hover:text-slate-900">
            {t("apiDocs")}
          </Link>
          <Link href="/api/v1/openapi.json" className="hover:text-slate-900">
            {t("openApi")}
          </Link>
          <Link href="/signup" className="hover:text-slate-900">
            {t("createAccount")}
          </Link>
        </nav>
      </div>
    </footer>
  );
}
