import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { MODES, type Mode } from "@/lib/config/enums";

/** Live and test are separate worlds: the dashboard shows one at a time, like the API keys do. */
export function ModeSwitch({ mode, hrefFor }: { mode: Mode; hrefFor: (mode: Mode) => string }) {
  const t = useTranslations("dashboard.mode");
  return (
    <div role="group" aria-label={t("label")} className="inline-flex rounded-lg bg-slate-100 p-1 text-sm">
      {MODES.map((option) => (
        <Link
          key={option}
          href={hrefFor(option)}
          aria-current={option === mode ? "true" : undefined}
          className={cn(
            "rounded-md px-3 py-1 font-medium whitespace-nowrap",
            option === mode ? "bg-white text-slate-900 shadow-sm" : "text-slate-500 hover:text-slate-800",
          )}
        >
          {t(option)}
        </Link>
      ))}
    </div>
  );
}
