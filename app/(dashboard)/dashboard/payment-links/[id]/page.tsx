import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LinkStatusBadge } from "@/components/links/link-status-badge";
import { PrintButton } from "@/components/pay/print-button";
import { ModeBadge, StatusBadge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { getFormat } from "@/i18n/format";
import { PageHeader } from "@/components/ui/page-header";
import { QrCode } from "@/components/ui/qr-code";
import { ConfirmForm } from "@/components/webhooks/confirm-form";
import { requireUser } from "@/lib/auth/session";
import { findUsersPaymentLink, getPaymentLink, paymentLinkTransactions } from "@/lib/links";
import { deactivateLinkAction } from "../actions";

export const metadata: Metadata = { title: "Payment link" };

export default async function PaymentLinkDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const format = await getFormat();
  const user = await requireUser();
  const { id } = await params;
  const row = await findUsersPaymentLink(user.id, id);
  if (!row) notFound();
  const scope = { userId: user.id, mode: row.mode };
  const [link, payments] = await Promise.all([getPaymentLink(scope, id), paymentLinkTransactions(scope, id)]);
  return (
    <>
      <PageHeader
        title={link.title}
        description={link.description ?? undefined}
        actions={
          <div className="flex items-center gap-2">
            <ModeBadge mode={link.mode} />
            <LinkStatusBadge status={link.status} />
          </div>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_320px]">
        <div className="space-y-6">
          <Card>
            <CardHeader title="Share" description="Send this address in a chat, put it on your page, or print its QR." />
            <CardBody className="space-y-3">
              <p className="font-mono text-sm break-all text-slate-800" data-testid="link-url">
                {link.url}
              </p>
              <div className="flex flex-wrap gap-2">
                <CopyButton value={link.url} label="Copy link" />
                <a href={link.url} target="_blank" rel="noreferrer" className={buttonClasses("secondary", "sm")}>
                  Open
                </a>
                {link.status === "active" ? (
                  <ConfirmForm
                    action={deactivateLinkAction}
                    fields={{ linkId: link.id, mode: link.mode }}
                    label="Deactivate"
                    question="Customers will no longer be able to pay through this link. This cannot be undone."
                    confirmLabel="Deactivate link"
                    variant="dangerQuiet"
                  />
                ) : null}
              </div>
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title="Payments"
              description={`${format.count(link.payments.count)} paid, ${format.money(link.payments.total, link.currency)} in total.`}
            />
            {payments.length === 0 ? (
              <EmptyState title="No payments yet" />
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-sm">
                  <thead className="bg-slate-50 text-left text-xs text-slate-500">
                    <tr>
                      <th className="px-5 py-2 font-medium">Created</th>
                      <th className="px-5 py-2 font-medium">Amount</th>
                      <th className="px-5 py-2 font-medium">Bill</th>
                      <th className="px-5 py-2 font-medium">Status</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {payments.map((payment) => (
                      <tr key={payment.id}>
                        <td className="px-5 py-2">
                          <Link href={`/dashboard/transactions/${payment.id}`} className="hover:underline">
                            {format.shortDateTime(payment.createdAt)}
                          </Link>
                        </td>
                        <td className="px-5 py-2">{format.money(payment.amount, payment.currency)}</td>
                        <td className="px-5 py-2 font-mono text-xs">{payment.billNumber ?? "—"}</td>
                        <td className="px-5 py-2">
                          <StatusBadge status={payment.status} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
          <Card>
            <CardHeader
              title="Success redirect signature"
              description="Customers arrive at your success URL with link, md5, order_id, t and sig. Check sig with this secret (see the API docs)."
            />
            <CardBody>
              <details>
                <summary className="cursor-pointer text-sm text-slate-700">Show the signing secret</summary>
                <p className="mt-2 font-mono text-xs break-all text-slate-800">{row.signingSecret}</p>
              </details>
            </CardBody>
          </Card>
        </div>
        <Card className="self-start">
          <CardHeader title="QR to print" />
          <CardBody className="flex flex-col items-center gap-3">
            <QrCode value={link.url} size={220} label={`QR code of the payment link ${link.title}`} />
            <p className="text-center text-sm text-slate-600">Scan with a phone camera to open the payment page.</p>
            <PrintButton />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
