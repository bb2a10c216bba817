import { useTranslations } from "next-intl";
import { ModeBadge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import type { Mode } from "@/lib/config/enums";

/** A full API key, displayed the one time it exists outside the merchant's own systems. */
export function RevealedKey({ mode, value, label }: { mode: Mode; value: string; label: string }) {
  const t = useTranslations("common");
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 p-3">
      <div className="mb-2 flex items-center justify-between gap-2">
        <div className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <ModeBadge mode={mode} />
          {label}
        </div>
        <CopyButton value={value} label={t("copyKey")} />
      </div>
      <code
        data-testid={`${mode}-key`}
        className="block overflow-x-auto rounded bg-white px-3 py-2 font-mono text-[13px] break-all text-slate-900 ring-1 ring-slate-200 select-all"
      >
        {value}
      </code>
    </div>
  );
}
