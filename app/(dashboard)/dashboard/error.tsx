"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("dashboard.error");
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <div role="alert" className="rounded-xl bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
      <p className="mt-2 text-sm text-slate-600">{t("text")}</p>
      {digest ? <p className="mt-1 font-mono text-xs text-slate-400">{t("reference", { digest })}</p> : null}
      <Button className="mt-6" onClick={() => retry()}>
        {t("retry")}
      </Button>
    </div>
  );
}
