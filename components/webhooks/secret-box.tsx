import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

/** An endpoint's signing secret, shown because the merchant asked for it. */
export function SecretBox({ value }: { value: string }) {
  const t = useTranslations("webhooks.secret");
  return (
    <div className="mt-3 rounded-lg border border-slate-200 bg-slate-50 p-3">
      <div className="mb-2 flex items-center justify-between gap-2">
        <p className="text-sm font-medium text-slate-800">{t("title")}</p>
        <CopyButton value={value} label={t("copy")} />
      </div>
      <code
        data-testid="webhook-secret"
        className="block overflow-x-auto rounded bg-white px-3 py-2 font-mono text-[13px] break-all text-slate-900 ring-1 ring-slate-200 select-all"
      >
        {value}
      </code>
      <p className="mt-2 text-xs text-slate-500">{t("hint")}</p>
    </div>
  );
}
