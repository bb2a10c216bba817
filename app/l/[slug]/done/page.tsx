import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PaymentFrame, shopName, TooManyRequests } from "@/components/pay/payment-card";
import { ReceiptDownloadButton } from "@/components/links/receipt-download-button";
import { getFormat } from "@/i18n/format";
import type { Currency } from "@/lib/config/enums";
import { linkPaymentSuccess } from "@/lib/links";
import { applyRateLimit } from "@/lib/ratelimit";
import { clientAddress } from "@/lib/std";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("linkPage.done");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ p?: string | string[] }> };

/** After paying: on to the merchant's success URL (signed), or the receipt when the link has none. */
export default async function PaymentLinkDone({ params, searchParams }: Props) {
  const [format, t] = await Promise.all([getFormat(), getTranslations("linkPage.done")]);
  const limit = await applyRateLimit({ ip: clientAddress(await headers()) }, "pay_page");
  if (!limit.allowed) return <TooManyRequests retryAfter={limit.headers["Retry-After"]} />;
  const { slug } = await params;
  const { p } = await searchParams;
  const success = typeof p === "string" ? await linkPaymentSuccess(slug, p) : null;
  if (!success) notFound();
  if (success.kind === "redirect") redirect(success.url);

  const rows: [string, string][] = [
    [t("paidTo"), await shopName(success.shop)],
    [t("for"), success.title],
    [t("amount"), format.money(success.amount, success.currency as Currency)],
    ...(success.billNumber ? [[t("bill"), success.billNumber] as [string, string]] : []),
    [t("paidAt"), format.dateTime(success.paidAt)],
    [t("reference"), success.hash ? success.hash.slice(0, 8) : success.md5.slice(0, 8)],
  ];
  return (
    <PaymentFrame mode={success.mode}>
      <div className="flex flex-col items-center text-center">
        <div className="grid size-14 place-items-center rounded-full bg-emerald-100 text-emerald-600">
          <svg viewBox="0 0 24 24" className="size-8" fill="none" stroke="currentColor" strokeWidth="2.5" aria-hidden="true">
            <path d="M5 13l4 4L19 7" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </div>
        <h1 className="mt-3 text-xl font-semibold text-slate-900" data-testid="receipt-title">
          {t("title")}
        </h1>
        <p className="text-sm text-slate-500">{t("thanks")}</p>
      </div>
      <dl className="mt-5 divide-y divide-slate-100 text-sm" data-testid="receipt">
        {rows.map(([label, value]) => (
          <div key={label} className="flex justify-between gap-4 py-2">
            <dt className="text-slate-500">{label}</dt>
            <dd className="text-right font-medium break-all text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-5">
        <ReceiptDownloadButton />
      </div>
    </PaymentFrame>
  );
}
