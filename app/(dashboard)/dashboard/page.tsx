import type { Metadata } from "next";
import Link from "next/link";
import { Checklist } from "@/components/dashboard/checklist";
import { ModeSwitch } from "@/components/dashboard/mode-switch";
import { StatCard } from "@/components/dashboard/stat-card";
import { TransactionsTable } from "@/components/dashboard/transactions-table";
import { UsageMeter } from "@/components/dashboard/usage-meter";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount, formatMoney } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { planDetails } from "@/lib/config/plans";
import { defaultMode, gettingStarted, todayStats } from "@/lib/dashboard/overview";
import { listTransactions } from "@/lib/dashboard/transactions";
import { getUsageToday } from "@/lib/accounts";

export const metadata: Metadata = { title: "Overview" };

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
  const plan = planDetails(usage.plan);
  const items = [
    { done: checklist.profileSaved, title: "Save your merchant profile", href: "/dashboard/settings", action: "Open settings" },
    { done: checklist.firstQr, title: "Create your first QR code", href: "/docs#create-qr", action: "See how" },
    { done: checklist.firstPaid, title: "Receive your first payment", href: "/docs#sandbox", action: "Try the sandbox" },
    { done: checklist.webhookAdded, title: "Add a webhook endpoint", href: "/dashboard/webhooks", action: "Add webhook" },
  ];

  return (
    <>
      <PageHeader
        title="Overview"
        description={`Today in Cambodia · ${mode === "live" ? "live payments" : "test data (sandbox)"}`}
        actions={<ModeSwitch mode={mode} hrefFor={(option) => `/dashboard?mode=${option}`} />}
      />
      {params.welcome ? (
        <Alert tone="success" className="mb-6">
          Your profile is saved. Create a QR with your test key and watch it appear here.
        </Alert>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-3">
        <StatCard label="QR codes created today" value={formatCount(stats.created)} />
        <StatCard
          label="Paid today"
          value={formatCount(stats.paid)}
          detail={stats.created > 0 ? `${Math.round((stats.paid / stats.created) * 100)}% of today's codes` : undefined}
        />
        <StatCard
          label="Collected today"
          value={
            stats.collected.length === 0 ? (
              formatMoney(0, "USD")
            ) : (
              <span className="flex flex-col">
                {stats.collected.map((total) => (
                  <span key={total.currency}>{formatMoney(total.amount, total.currency)}</span>
                ))}
              </span>
            )
          }
          detail="Per currency, from paid QR codes"
        />
      </div>

      <div className="mt-6 grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_340px]">
        <Card>
          <CardHeader
            title="Recent transactions"
            action={
              <Link href={`/dashboard/transactions?mode=${mode}`} className="text-sm font-medium text-brand-700 hover:underline">
                View all
              </Link>
            }
          />
          {recent.rows.length > 0 ? (
            <TransactionsTable rows={recent.rows} />
          ) : (
            <EmptyState
              title={`No ${mode} transactions yet`}
              action={
                <Link href="/docs#create-qr" className={buttonClasses("secondary", "sm")}>
                  How to create a QR
                </Link>
              }
            >
              {mode === "test"
                ? "Call POST /api/v1/qr with your khqr_test_ key and the QR shows up here."
                : "Live QR codes appear here once your server creates them with a khqr_live_ key."}
            </EmptyState>
          )}
        </Card>

        <div className="space-y-6">
          {items.some((item) => !item.done) ? (
            <Card>
              <CardHeader title="Getting started" />
              <CardBody>
                <Checklist items={items} />
              </CardBody>
            </Card>
          ) : null}
          <Card>
            <CardHeader title="Usage today" description={`${plan.name} plan · resets at midnight, Cambodia time`} />
            <CardBody className="space-y-4">
              <UsageMeter label="Live QR codes" used={usage.live.used} quota={usage.live.quota} />
              <UsageMeter label="Test QR codes" used={usage.test.used} quota={usage.test.quota} />
              <p className="text-xs text-slate-500">
                Over the quota, new QR codes get 429 rate_limit_exceeded until midnight in Cambodia.{" "}
                <Link href="/#pricing" className="underline">
                  Compare plans
                </Link>
              </p>
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}
