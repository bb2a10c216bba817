import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cn } from "./cn";
import type { Mode } from "@/lib/config/enums";

const TONES = {
  green: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  slate: "bg-slate-100 text-slate-600 ring-slate-500/20",
  red: "bg-red-50 text-red-700 ring-red-600/20",
  violet: "bg-violet-50 text-violet-700 ring-violet-600/20",
  sky: "bg-sky-50 text-sky-700 ring-sky-600/20",
};

export function Badge({ tone, children, className }: { tone: keyof typeof TONES; children: ReactNode; className?: string }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}

const STATUS_TONES = { paid: "green", pending: "amber", expired: "slate", static: "sky" } as const;

export function StatusBadge({ status }: { status: keyof typeof STATUS_TONES }) {
  const t = useTranslations("dashboard.status");
  const tone = STATUS_TONES[status];
  return (
    <Badge tone={tone}>
      <span
        className={cn(
          "size-1.5 rounded-full",
          tone === "green" ? "bg-emerald-500" : tone === "amber" ? "bg-amber-500" : tone === "sky" ? "bg-sky-500" : "bg-slate-400",
        )}
        aria-hidden="true"
      />
      {t(status)}
    </Badge>
  );
}

export function ModeBadge({ mode }: { mode: Mode }) {
  const t = useTranslations("dashboard.mode");
  return mode === "live" ? <Badge tone="sky">{t("liveBadge")}</Badge> : <Badge tone="violet">{t("testBadge")}</Badge>;
}
