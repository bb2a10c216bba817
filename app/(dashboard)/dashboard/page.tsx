import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Checklist } from "@/components/dashboard/checklist";
import { ModeSwitch } from "@/components/dashboard/mode-switch";
import { StatCard } from "@/components/dashboard/stat-card";
import { TransactionsTable } from "@/components/dashboard/transactions-table";
import { UsageMeter } from "@/components/dashboard/usage-meter";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getFormat } from "@/i18n/format";
import { requireUser } from "@/lib/auth/session";
import { PLAN_NAMES, type Plan } from "@/lib/config/plans";
import { defaultMode, gettingStarted, todayStats } from "@/lib/dashboard/overview";
import { listTransactions } from "@/lib/dashboard/transactions";
import { getUsageToday } from "@/lib/accounts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard.overview");
  return { title: t("metaTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = await searchParams;
  const mode = params.mode === "live" || params.mode === "test" ? params.mode : await defaultMode(user.id);
  const [stats, checklist, usage, recent] = await Promise.all([
    todayStats(user.id, mode),
    gettingStarted(user.id),
    getUsageToday(user.id),
    listTransactions(user.id, { mode }, {}, 5),
  ]);
  const [t, tPlans, format] = await Promise.all([getTranslations("dashboard.overview"), getTranslations("pricing.plans"), getFormat()]);
  const plan: Plan = (PLAN_NAMES as string[]).includes(usage.plan) ? (usage.plan as Plan) : "free";
  const items = [
    { done: checklist.profileSaved, title: t("steps.profile"), href: "/dashboard/settings", action: t("steps.profileAction") },
    { done: checklist.firstQr, title: t("steps.qr"), href: "/docs#create-qr", action: t("steps.qrAction") },
    { done: checklist.firstPaid, title: t("steps.paid"), href: "/docs#sandbox", action: t("steps.paidAction") },
    { done: checklist.webhookAdded, title: t("steps.webhook"), href: "/dashboard/webhooks", action: t("steps.webhookAction") },
  ];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { mode })}
        actions={<ModeSwitch mode={mode} hrefFor={(option) => `/dashboard?mode=${option}`} />}
      />
      {params.welcome ? (
        <Alert tone="success" className="mb-6">
          {t("welcome")}
        </Alert>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label={t("createdToday")} value={format.count(stats.created)} />
        <StatCard
          label={t("paidToday")}
          value={format.count(stats.paid)}
          detail={stats.created > 0 ? t("paidShare", { percent: format.count(Math.round((stats.paid / stats.created) * 100)) }) : undefined}
        />
        <StatCard
          label={t("collectedToday")}
          value={
            stats.collected.length === 0 ? (
              format.money(0, "USD")
            ) : (
              <span className="flex flex-col">
                {stats.collected.map((total) => (
                  <span key={total.currency}>{format.money(total.amount, total.currency)}</span>
                ))}
              </span>
            )
          }
          detail={t("collectedDetail")}
        />
      </div>

      <div className="mt-6 grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_340px]">
        <Card>
          <CardHeader
            title={t("recent")}
            action={
              <Link href={`/dashboard/transactions?mode=${mode}`} className="text-sm font-medium text-brand-700 hover:underline">
                {t("viewAll")}
              </Link>
            }
          />
          {recent.rows.length > 0 ? (
            <TransactionsTable rows={recent.rows} />
          ) : (
            <EmptyState
              title={t("emptyTitle", { mode })}
              action={
                <Link href="/docs#create-qr" className={buttonClasses("secondary", "sm")}>
                  {t("howToCreate")}
                </Link>
              }
            >
              {mode === "test" ? t("emptyTest") : t("emptyLive")}
            </EmptyState>
          )}
        </Card>

        <div className="space-y-6">
          {items.some((item) => !item.done) ? (
            <Card>
              <CardHeader title={t("gettingStarted")} />
              <CardBody>
                <Checklist items={items} />
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardHeader title={t("usageTitle")} description={t("usageDescription", { plan: tPlans(`${plan}.name`) })} />
            <CardBody className="space-y-4">
              <UsageMeter label={t("liveCodes")} used={usage.live.used} quota={usage.live.quota} />
              <UsageMeter label={t("testCodes")} used={usage.test.used} quota={usage.test.quota} />
              <p className="text-xs text-slate-500">
                {t("overQuota")}{" "}
                <Link href="/#pricing" className="underline">
                  {t("comparePlans")}
                </Link>
              </p>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
