import { useTranslations } from "next-intl";

export default function DashboardLoading() {
  const t = useTranslations("dashboard");
  return (
    <div role="status" aria-label={t("loading")} className="animate-pulse space-y-6">
      <div className="h-8 w-48 rounded-lg bg-slate-200" />
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="h-28 rounded-xl bg-slate-200" />
        <div className="h-28 rounded-xl bg-slate-200" />
        <div className="h-28 rounded-xl bg-slate-200" />
      </div>
      <div className="h-72 rounded-xl bg-slate-200" />
    </div>
  );
}
