import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
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
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("paymentLinks.detail");
  return { title: t("metaTitle") };
}

export default async function PaymentLinkDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const [format, t] = await Promise.all([getFormat(), getTranslations("paymentLinks.detail")]);
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
            <CardHeader title={t("shareTitle")} description={t("shareDescription")} />
            <CardBody className="space-y-3">
              <p className="font-mono text-sm break-all text-slate-800" data-testid="link-url">
                {link.url}
              </p>
              <div className="flex flex-wrap gap-2">
                <CopyButton value={link.url} label={t("copyLink")} />
                <a href={link.url} target="_blank" rel="noreferrer" className={buttonClasses("secondary", "sm")}>
                  {t("open")}
                </a>
                {link.status === "active" ? (
                  <ConfirmForm
                    action={deactivateLinkAction}
                    fields={{ linkId: link.id, mode: link.mode }}
                    label={t("deactivate")}
                    question={t("deactivateQuestion")}
                    confirmLabel={t("deactivateConfirm")}
                    variant="dangerQuiet"
                  />
                ) : null}
              </div>
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title={t("paymentsTitle")}
              description={t("paymentsSummary", {
                count: link.payments.count,
                shown: format.count(link.payments.count),
                total: format.money(link.payments.total, link.currency),
              })}
            />
            {payments.length === 0 ? (
              <EmptyState title={t("noPayments")} />
            ) : (
              <DataTable columns={[{ label: t("created") }, { label: t("amount") }, { label: t("bill") }, { label: t("status") }]}>
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
              </DataTable>
            )}
          </Card>
          <Card>
            <CardHeader title={t("signatureTitle")} description={t("signatureDescription")} />
            <CardBody>
              <details>
                <summary className="cursor-pointer text-sm text-slate-700">{t("showSecret")}</summary>
                <p className="mt-2 font-mono text-xs break-all text-slate-800">{row.signingSecret}</p>
              </details>
            </CardBody>
          </Card>
        </div>
        <Card className="self-start">
          <CardHeader title={t("qrTitle")} />
          <CardBody className="flex flex-col items-center gap-3">
            <QrCode value={link.url} size={220} label={t("qrLabel", { title: link.title })} />
            <p className="text-center text-sm text-slate-600">{t("qrHint")}</p>
            <PrintButton />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
