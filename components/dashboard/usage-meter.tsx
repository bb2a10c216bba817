"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/format-provider";
import { cn } from "@/components/ui/cn";

/** Today's new QR codes against the plan's daily quota for one mode. */
export function UsageMeter({ label, used, quota }: { label: string; used: number; quota: number }) {
  const t = useTranslations("dashboard.usage");
  const format = useFormat();
  const share = quota > 0 ? Math.min(1, used / quota) : 1;
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-slate-800">{label}</span>
        <span className="text-slate-500">
          <span className="font-semibold text-slate-900">{format.count(used)}</span> / {format.count(quota)}
        </span>
      </div>
      <div
        className="mt-2 h-2 overflow-hidden rounded-full bg-slate-100"
        role="progressbar"
        aria-label={t("label", { label })}
        aria-valuemin={0}
        aria-valuemax={quota}
        aria-valuenow={used}
      >
        <div
          className={cn("h-full rounded-full", share >= 1 ? "bg-red-600" : share >= 0.8 ? "bg-amber-500" : "bg-emerald-500")}
          style={{ width: `${share * 100}%` }}
        />
      </div>
    </div>
  );
}
