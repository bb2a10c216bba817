import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CreateLinkForm } from "@/components/links/create-link-form";
import { ModeBadge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getFormat } from "@/i18n/format";
import type { Formatter } from "@/lib/i18n";
import { PageHeader } from "@/components/ui/page-header";
import { LinkStatusBadge } from "@/components/links/link-status-badge";
import { requireUser } from "@/lib/auth/session";
import { listPaymentLinks, type PaymentLinkView } from "@/lib/links";
import { createLinkAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("paymentLinks");
  return { title: t("metaTitle") };
}

type Translate = Awaited<ReturnType<typeof getTranslations<"paymentLinks">>>;

function amountOf(link: PaymentLinkView, format: Formatter, t: Translate): string {
  if (link.amount !== null) return format.money(link.amount, link.currency);
  if (link.min_amount !== null && link.max_amount !== null)
    return t("range", { min: format.money(link.min_amount, link.currency), max: format.money(link.max_amount, link.currency) });
  return t("customerChooses", { currency: link.currency });
}

export default async function PaymentLinksPage() {
  const [format, t] = await Promise.all([getFormat(), getTranslations("paymentLinks")]);
  const user = await requireUser();
  const [live, test] = await Promise.all([
    listPaymentLinks({ userId: user.id, mode: "live" }),
    listPaymentLinks({ userId: user.id, mode: "test" }),
  ]);
  const links = [...live.data, ...test.data].sort((a, b) => b.created_at.localeCompare(a.created_at));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="space-y-6">
        <CreateLinkForm action={createLinkAction} />
        <Card>
          <CardHeader title={t("yourLinks")} />
          {links.length === 0 ? (
            <EmptyState title={t("emptyTitle")}>{t("emptyText")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="link-list">
              {links.map((link) => (
                <li key={link.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
                  <div className="min-w-0">
                    <Link href={`/dashboard/payment-links/${link.id}`} className="font-medium text-slate-900 hover:underline">
                      {link.title}
                    </Link>
                    <p className="text-sm text-slate-500">{amountOf(link, format, t)}</p>
                  </div>
                  <div className="flex items-center gap-3 text-sm text-slate-600">
                    <span>
                      {t("paidSummary", {
                        count: link.payments.count,
                        shown: format.count(link.payments.count),
                        total: format.money(link.payments.total, link.currency),
                      })}
                    </span>
                    <ModeBadge mode={link.mode} />
                    <LinkStatusBadge status={link.status} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
