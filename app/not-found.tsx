import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/site/logo";
import { buttonClasses } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("site.notFound");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 px-4 text-center">
      <Logo />
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("title")}</h1>
        <p className="mt-2 text-slate-600">{t("text")}</p>
      </div>
      <Link href="/" className={buttonClasses("secondary", "md")}>
        {t("home")}
      </Link>
    </main>
  );
}
