"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/format-provider";
import { cn } from "@/components/ui/cn";
import type { TimelineItem } from "@/lib/dashboard/timeline";

const DETAILS = { paid: "paidDetail", paidAfterExpiry: "paidAfterExpiryDetail", expired: "expiredDetail", static: "staticDetail" } as const;
const DOT = { neutral: "bg-slate-400", good: "bg-emerald-500", bad: "bg-red-500", pending: "bg-amber-400" };

export function Timeline({ entries }: { entries: TimelineItem[] }) {
  const t = useTranslations("timeline");
  const format = useFormat();
  return (
    <ol className="relative space-y-5 border-l border-slate-200 pl-5">
      {entries.map((entry) => {
        const detail =
          entry.key === "checks"
            ? entry.problem
              ? t("checksFailed", { problem: entry.problem })
              : null
            : entry.key === "amountMismatch"
              ? (entry.problem ?? t("amountMismatchDetail"))
              : entry.key in DETAILS
                ? t(DETAILS[entry.key as keyof typeof DETAILS])
                : null;
        return (
          <li key={entry.id} className="relative">
            <span
              className={cn("absolute top-1.5 -left-[25px] size-2.5 rounded-full ring-4 ring-white", DOT[entry.tone])}
              aria-hidden="true"
            />
            <p className="text-sm font-medium text-slate-900">
              {entry.key === "checks" ? t("checks", { count: entry.count ?? 0 }) : t(entry.key)}
            </p>
            {detail ? <p className="text-sm text-slate-600">{detail}</p> : null}
            {entry.at ? <p className="text-xs text-slate-500">{format.dateTime(entry.at)}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
