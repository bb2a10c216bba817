import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { getFormat } from "@/i18n/format";
import { PLAN_NAMES, PLANS, type Plan } from "@/lib/config/plans";

const HIGHLIGHTED: Plan = "starter";

/** The plans exactly as lib/config/plans.ts enforces them. */
export async function Pricing() {
  const [t, format] = await Promise.all([getTranslations("pricing"), getFormat()]);
  return (
    <div className="grid gap-6 md:grid-cols-3">
      {PLAN_NAMES.map((id) => (
        <div
          key={id}
          className={cn(
            "flex flex-col rounded-2xl bg-white p-6 shadow-sm ring-1",
            id === HIGHLIGHTED ? "ring-2 ring-brand-500" : "ring-slate-200",
          )}
        >
          <div className="flex items-center justify-between">
            <h3 className="text-lg font-semibold text-slate-900">{t(`plans.${id}.name`)}</h3>
            {id === HIGHLIGHTED ? (
              <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-xs font-medium text-brand-700">{t("popular")}</span>
            ) : null}
          </div>
          <p className="mt-4 text-3xl font-semibold tracking-tight text-slate-900">{t(`plans.${id}.price`)}</p>
          <p className="mt-2 text-sm text-slate-600">{t(`plans.${id}.description`)}</p>
          <ul className="mt-6 space-y-2 text-sm text-slate-700">
            <li>{t("liveQuota", { count: format.count(PLANS[id].dailyQrQuota.live) })}</li>
            <li>{t("testQuota", { count: format.count(PLANS[id].dailyQrQuota.test) })}</li>
            <li>{t("statusApi")}</li>
            <li>{t("hostedPage")}</li>
          </ul>
          <div className="mt-auto pt-6">
            <Link href="/signup" className={buttonClasses(id === HIGHLIGHTED ? "primary" : "secondary", "md", "w-full")}>
              {id === "free" ? t("startFree") : t("startUpgrade")}
            </Link>
          </div>
        </div>
      ))}
    </div>
  );
}
