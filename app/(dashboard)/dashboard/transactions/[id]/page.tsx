import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AutoRefresh } from "@/components/transactions/auto-refresh";
import { SimulatePaymentButton } from "@/components/transactions/simulate-payment-button";
import { SimulateStaticPaymentForm } from "@/components/transactions/simulate-static-payment-form";
import { Timeline } from "@/components/transactions/timeline";
import { ModeBadge, StatusBadge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { QrCode } from "@/components/ui/qr-code";
import { getFormat } from "@/i18n/format";
import { paymentsOfStaticQr } from "@/lib/dashboard/receipts";
import { requireUser } from "@/lib/auth/session";
import { buildTimeline } from "@/lib/dashboard/timeline";
import { getTransactionDetail } from "@/lib/dashboard/transaction-detail";
import { simulatePaymentAction, simulateStaticPaymentAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("transaction");
  return { title: t("metaTitle") };
}

type Props = { params: Promise<{ id: string }> };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-x-3 py-2.5 text-sm sm:grid-cols-3">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 sm:col-span-2 break-words text-slate-900">{children}</dd>
    </div>
  );
}

export default async function TransactionPage({ params }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const detail = await getTransactionDetail(user.id, id);
  if (!detail) notFound();
  const { transaction } = detail;
  const pending = transaction.status === "pending";
  const [staticPayments, t, format] = await Promise.all([
    transaction.isStatic ? paymentsOfStaticQr(user.id, transaction.id) : [],
    getTranslations("transaction"),
    getFormat(),
  ]);
  const amount = transaction.amount === null ? t("staticSuffix") : format.money(transaction.amount, transaction.currency);

  return (
    <>
      {pending && !transaction.isStatic ? <AutoRefresh publicId={transaction.publicId} /> : null}
      <Link href={`/dashboard/transactions?mode=${transaction.mode}`} className="text-sm text-slate-500 hover:text-slate-900">
        {t("back")}
      </Link>
      <div className="mt-3 mb-6 flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight text-slate-900">
            <span data-testid="transaction-amount">{amount}</span>
            <span data-testid="transaction-status">
              <StatusBadge status={transaction.status} />
            </span>
            <ModeBadge mode={transaction.mode} />
          </h1>
          <p className="mt-1 font-mono text-xs text-slate-500">{transaction.md5}</p>
        </div>
        <Link href={`/pay/${transaction.publicId}`} className={buttonClasses("secondary", "md")} target="_blank">
          {t("openPayPage")}
        </Link>
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[300px_minmax(0,1fr)]">
        <div className="space-y-6">
          <Card>
            <CardBody className="flex flex-col items-center">
              <div data-testid="transaction-qr" className="rounded-lg bg-white p-1">
                <QrCode value={transaction.qr} size={256} label={t("qrLabel", { amount })} />
              </div>
              <div className="mt-3">
                <CopyButton value={transaction.qr} label={t("copyQr")} />
              </div>
            </CardBody>
          </Card>
          {transaction.mode === "test" && pending ? (
            <Card>
              <CardHeader title={t("sandbox")} description={t("sandboxDynamic")} />
              <CardBody>
                <SimulatePaymentButton transactionId={transaction.id} action={simulatePaymentAction} />
              </CardBody>
            </Card>
          ) : null}
          {transaction.mode === "test" && transaction.isStatic ? (
            <Card>
              <CardHeader title={t("sandbox")} description={t("sandboxStatic")} />
              <CardBody>
                <SimulateStaticPaymentForm transactionId={transaction.id} action={simulateStaticPaymentAction} />
              </CardBody>
            </Card>
          ) : null}
        </div>

        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader title={t("details")} />
            <CardBody className="py-1">
              <dl className="divide-y divide-slate-100">
                <Row label={t("amount")}>{amount}</Row>
                <Row label={t("orderId")}>{transaction.orderId ?? "—"}</Row>
                <Row label={t("billNumber")}>{transaction.billNumber ?? "—"}</Row>
                {transaction.storeLabel ? <Row label={t("storeLabel")}>{transaction.storeLabel}</Row> : null}
                {transaction.terminalLabel ? <Row label={t("terminalLabel")}>{transaction.terminalLabel}</Row> : null}
                <Row label={t("paidInto")}>{transaction.toAccountId}</Row>
                <Row label={t("created")}>{format.dateTime(transaction.createdAt)}</Row>
                <Row label={t("expires")}>{transaction.expiresAt ? format.dateTime(transaction.expiresAt) : t("neverStatic")}</Row>
                {transaction.isStatic ? null : <Row label={t("paid")}>{format.dateTime(transaction.paidAt)}</Row>}
                {transaction.bakongHash ? (
                  <Row label={t("bakongHash")}>
                    <span className="font-mono text-xs">{transaction.bakongHash}</span>
                  </Row>
                ) : null}
              </dl>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("timeline")} />
            <CardBody>
              <Timeline entries={buildTimeline(detail)} />
            </CardBody>
          </Card>
          {transaction.isStatic ? (
            <Card>
              <CardHeader
                title={t("verifiedTitle")}
                description={t("verifiedDescription")}
                action={
                  <Link href={`/dashboard/receipts?mode=${transaction.mode}`} className={buttonClasses("secondary", "sm")}>
                    {t("verifyReceipt")}
                  </Link>
                }
              />
              <CardBody>
                {staticPayments.length === 0 ? (
                  <p className="text-sm text-slate-500">{t("noReceipts")}</p>
                ) : (
                  <ul className="divide-y divide-slate-100 text-sm" data-testid="static-qr-payments">
                    {staticPayments.map((payment) => (
                      <li key={payment.id} className="flex flex-wrap justify-between gap-2 py-2">
                        <span className="font-medium text-slate-900">{format.money(payment.amount, transaction.currency)}</span>
                        <span className="font-mono text-xs text-slate-500">{payment.hash.slice(0, 8)}…</span>
                        <span className="text-xs text-slate-500">
                          {t("paidVerified", { paid: format.dateTime(payment.paidAt), verified: format.dateTime(payment.verifiedAt) })}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </CardBody>
            </Card>
          ) : (
            <Card>
              <CardHeader title={t("rawTitle")} description={t("rawDescription")} />
              <CardBody>
                {transaction.bakongResponse ? (
                  <pre className="max-h-96 overflow-auto rounded-lg bg-slate-900 p-4 text-xs leading-5 text-slate-100">
                    {JSON.stringify(transaction.bakongResponse, null, 2)}
                  </pre>
                ) : (
                  <p className="text-sm text-slate-500">{t("notChecked")}</p>
                )}
              </CardBody>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
