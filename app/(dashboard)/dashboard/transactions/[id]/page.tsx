import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/transactions/auto-refresh";
import { SimulatePaymentButton } from "@/components/transactions/simulate-payment-button";
import { SimulateStaticPaymentForm } from "@/components/transactions/simulate-static-payment-form";
import { Timeline } from "@/components/transactions/timeline";
import { ModeBadge, StatusBadge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime, formatMoney } from "@/components/ui/format";
import { QrCode } from "@/components/ui/qr-code";
import { paymentsOfStaticQr } from "@/lib/dashboard/receipts";
import { requireUser } from "@/lib/auth/session";
import { buildTimeline } from "@/lib/dashboard/timeline";
import { getTransactionDetail } from "@/lib/dashboard/transaction-detail";
import { simulatePaymentAction, simulateStaticPaymentAction } from "./actions";

export const metadata: Metadata = { title: "Transaction" };

type Props = { params: Promise<{ id: string }> };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-3 py-2.5 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2 min-w-0 break-words text-slate-900">{children}</dd>
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
  const staticPayments = transaction.isStatic ? await paymentsOfStaticQr(user.id, transaction.id) : [];

  return (
    <>
      {pending && !transaction.isStatic ? <AutoRefresh publicId={transaction.publicId} /> : null}
      <Link href={`/dashboard/transactions?mode=${transaction.mode}`} className="text-sm text-slate-500 hover:text-slate-900">
        ← Transactions
      </Link>
      <div className="mt-3 mb-6 flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight text-slate-900">
            <span data-testid="transaction-amount">{formatMoney(transaction.amount, transaction.currency)}</span>
            <span data-testid="transaction-status">
              <StatusBadge status={transaction.status} />
            </span>
            <ModeBadge mode={transaction.mode} />
          </h1>
          <p className="mt-1 font-mono text-xs text-slate-500">{transaction.md5}</p>
        </div>
        <Link href={`/pay/${transaction.publicId}`} className={buttonClasses("secondary", "md")} target="_blank">
          Open payment page ↗
        </Link>
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[300px_minmax(0,1fr)]">
        <div className="space-y-6">
          <Card>
            <CardBody className="flex flex-col items-center">
              <div data-testid="transaction-qr" className="rounded-lg bg-white p-1">
                <QrCode
                  value={transaction.qr}
                  size={256}
                  label={`KHQR code for ${formatMoney(transaction.amount, transaction.currency)}`}
                />
              </div>
              <div className="mt-3">
                <CopyButton value={transaction.qr} label="Copy QR string" />
              </div>
            </CardBody>
          </Card>
          {transaction.mode === "test" && pending ? (
            <Card>
              <CardHeader
                title="Sandbox"
                description="Pretend a customer paid this QR: the status turns paid and your test webhooks fire."
              />
              <CardBody>
                <SimulatePaymentButton transactionId={transaction.id} action={simulatePaymentAction} />
              </CardBody>
            </Card>
          ) : null}
          {transaction.mode === "test" && transaction.isStatic ? (
            <Card>
              <CardHeader
                title="Sandbox"
                description="Pretend a customer scanned this QR and paid: you get the hash their receipt would show, to verify."
              />
              <CardBody>
                <SimulateStaticPaymentForm transactionId={transaction.id} action={simulateStaticPaymentAction} />
              </CardBody>
            </Card>
          ) : null}
        </div>

        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader title="Details" />
            <CardBody className="py-1">
              <dl className="divide-y divide-slate-100">
                <Row label="Amount">
                  {formatMoney(transaction.amount, transaction.currency)} {transaction.isStatic ? "(static QR)" : null}
                </Row>
                <Row label="Order id">{transaction.orderId ?? "—"}</Row>
                <Row label="Bill number">{transaction.billNumber ?? "—"}</Row>
                {transaction.storeLabel ? <Row label="Store label">{transaction.storeLabel}</Row> : null}
                {transaction.terminalLabel ? <Row label="Terminal label">{transaction.terminalLabel}</Row> : null}
                <Row label="Paid into">{transaction.toAccountId}</Row>
                <Row label="Created">{formatDateTime(transaction.createdAt)}</Row>
                <Row label="Expires">{transaction.expiresAt ? formatDateTime(transaction.expiresAt) : "Never (static)"}</Row>
                {transaction.isStatic ? null : <Row label="Paid">{formatDateTime(transaction.paidAt)}</Row>}
                {transaction.bakongHash ? (
                  <Row label="Bakong hash">
                    <span className="font-mono text-xs">{transaction.bakongHash}</span>
                  </Row>
                ) : null}
              </dl>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Timeline" />
            <CardBody>
              <Timeline entries={buildTimeline(detail)} />
            </CardBody>
          </Card>
          {transaction.isStatic ? (
            <Card>
              <CardHeader
                title="Payments verified from receipts"
                description="Bakong cannot report payments to a static QR by itself: each one appears here once its receipt is verified."
                action={
                  <Link href={`/dashboard/receipts?mode=${transaction.mode}`} className={buttonClasses("secondary", "sm")}>
                    Verify a receipt
                  </Link>
                }
              />
              <CardBody>
                {staticPayments.length === 0 ? (
                  <p className="text-sm text-slate-500">No receipts verified for this QR yet.</p>
                ) : (
                  <ul className="divide-y divide-slate-100 text-sm" data-testid="static-qr-payments">
                    {staticPayments.map((payment) => (
                      <li key={payment.id} className="flex flex-wrap justify-between gap-2 py-2">
                        <span className="font-medium text-slate-900">{formatMoney(payment.amount, transaction.currency)}</span>
                        <span className="font-mono text-xs text-slate-500">{payment.hash.slice(0, 8)}…</span>
                        <span className="text-xs text-slate-500">
                          paid {formatDateTime(payment.paidAt)} · verified {formatDateTime(payment.verifiedAt)}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </CardBody>
            </Card>
          ) : (
            <Card>
              <CardHeader title="Raw Bakong response" description="The last answer from Bakong, exactly as received." />
              <CardBody>
                {transaction.bakongResponse ? (
                  <pre className="max-h-96 overflow-auto rounded-lg bg-slate-900 p-4 text-xs leading-5 text-slate-100">
                    {JSON.stringify(transaction.bakongResponse, null, 2)}
                  </pre>
                ) : (
                  <p className="text-sm text-slate-500">Not checked with Bakong yet.</p>
                )}
              </CardBody>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
