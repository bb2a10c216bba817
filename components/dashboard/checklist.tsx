import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

export type ChecklistItem = { done: boolean; title: string; href: string; action: string };

export function Checklist({ items }: { items: ChecklistItem[] }) {
  const t = useTranslations("dashboard.checklist");
  const done = items.filter((item) => item.done).length;
  return (
    <div>
      <div className="mb-3 flex items-center gap-3">
        <div
          className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={items.length}
          aria-valuenow={done}
          aria-label={t("progress")}
        >
          <div className="h-full rounded-full bg-brand-600" style={{ width: `${(done / items.length) * 100}%` }} />
        </div>
        <span className="text-xs text-slate-500">{t("count", { done, total: items.length })}</span>
      </div>
      <ul className="divide-y divide-slate-100">
        {items.map((item) => (
          <li key={item.title} className="flex items-center justify-between gap-3 py-2.5">
            <span className="flex items-center gap-3 text-sm">
              <span
                className={cn(
                  "grid size-5 place-items-center rounded-full text-[11px] font-bold",
                  item.done ? "bg-emerald-500 text-white" : "ring-1 ring-slate-300 ring-inset",
                )}
                aria-hidden="true"
              >
                {item.done ? "✓" : ""}
              </span>
              <span className={item.done ? "text-slate-400 line-through" : "text-slate-800"}>{item.title}</span>
              <span className="sr-only">{item.done ? t("done") : t("todo")}</span>
            </span>
            {item.done ? null : (
              <Link href={item.href} className="shrink-0 text-sm font-medium whitespace-nowrap text-brand-700 hover:underline">
                {item.action}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
