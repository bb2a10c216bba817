import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ModeSwitch } from "@/components/dashboard/mode-switch";
import { VerifyReceiptForm } from "@/components/receipts/verify-receipt-form";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getFormat } from "@/i18n/format";
import { requireUser } from "@/lib/auth/session";
import type { Currency } from "@/lib/config/enums";
import { defaultMode } from "@/lib/dashboard/overview";
import { listVerifiedPayments } from "@/lib/dashboard/receipts";
import { getMerchantProfile } from "@/lib/merchants";
import { verifyReceiptAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("receipts");
  return { title: t("metaTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReceiptsPage({ searchParams }: Props) {
  const user = await requireUser();
  const { mode: modeParam } = await searchParams;
  const mode = modeParam === "live" || modeParam === "test" ? modeParam : await defaultMode(user.id);
  const [profile, history, t, format] = await Promise.all([
    getMerchantProfile(user.id),
    listVerifiedPayments(user.id, mode),
    getTranslations("receipts"),
    getFormat(),
  ]);

  return (
    <>
      <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-500">{t("lead")}</p>
        </div>
        <ModeSwitch mode={mode} hrefFor={(option) => `/dashboard/receipts?mode=${option}`} />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[420px_minmax(0,1fr)] lg:items-start">
        <Card>
          <CardBody>
            <VerifyReceiptForm action={verifyReceiptAction} mode={mode} currency={(profile?.currency ?? "USD") as Currency} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title={t("historyTitle")}
            description={t("historyDescription", { mode })}
            action={
              <a href={`/dashboard/receipts/export?mode=${mode}`} className={buttonClasses("secondary", "sm")} download>
                {t("export")}
              </a>
            }
          />
          {history.length === 0 ? (
            <CardBody>
              <p className="text-sm text-slate-500">{t("none")}</p>
            </CardBody>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="receipt-history">
              {history.map((row) => (
                <li key={row.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-5 py-3 text-sm">
                  <span className="font-semibold text-slate-900">{format.money(row.amount, row.currency as Currency)}</span>
                  <span className="font-mono text-xs text-slate-500" title={row.hash}>
                    {row.hash.slice(0, 8)}…
                  </span>
                  <span className="w-full text-xs text-slate-500 sm:w-auto">
                    {format.shortDateTime(row.verifiedAt)} · {row.verifiedBy === "dashboard" ? t("by.dashboard") : t("by.api")}
                    {row.staticQrMd5 ? ` · ${t("staticQr")}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
