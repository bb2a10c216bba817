import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LivePayment } from "@/components/pay/live-payment";
import { StaticQrCard } from "@/components/pay/static-qr-card";
import { LanguageSwitch } from "@/components/site/language-switch";
import { LogoMark } from "@/components/site/logo";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { getFormat } from "@/i18n/format";
import { bakongDeepLink } from "@/lib/payments";
import { getPublicPayment, type PublicPayment } from "@/lib/dashboard/public-payment";
import { applyRateLimit } from "@/lib/ratelimit";
import { clientAddress } from "@/lib/std";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pay");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }> };

/** The shop's name as the reader reads it: its Khmer name on a Khmer page, when the merchant saved one. */
async function shopName(payment: PublicPayment): Promise<string> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("pay")]);
  return (locale === "km" ? payment.merchantNameKm : null) ?? payment.merchantName ?? t("merchant");
}

export default async function PayPage({ params }: Props) {
  const { id } = await params;
  const limit = await applyRateLimit({ ip: clientAddress(await headers()) }, "pay_page");
  if (!limit.allowed) return <TooManyRequests retryAfter={limit.headers["Retry-After"]} />;
  const payment = await getPublicPayment(id);
  if (!payment) notFound();
  const merchant = await shopName(payment);
  if (payment.isStatic) return <StaticQrCard payment={payment} merchant={merchant} />;
  const [deepLink, t, format] = await Promise.all([
    payment.status.status === "pending" ? bakongDeepLink(payment) : null,
    getTranslations("pay"),
    getFormat(),
  ]);
  const amountLabel = payment.amount === null ? "" : format.money(payment.amount, payment.currency);

  return (
    <main className="flex min-h-screen flex-col items-center justify-start gap-4 bg-slate-100 px-3 py-8 sm:justify-center sm:px-4">
      <div className="w-full max-w-sm overflow-hidden rounded-2xl bg-white shadow-lg ring-1 ring-slate-200">
        <div className="flex items-center justify-between bg-brand-600 px-5 py-3 text-white">
          <span className="text-sm font-semibold tracking-wide">KHQR</span>
          {payment.mode === "test" ? (
            <Badge tone="amber" className="bg-amber-100">
              {t("sandbox")}
            </Badge>
          ) : (
            <span className="text-xs text-white/80">Bakong</span>
          )}
        </div>
        <div className="px-5 pt-5 pb-6 sm:px-6">
          <p className="text-sm text-slate-500">{t("payTo")}</p>
          <h1 className="text-lg font-semibold break-words text-slate-900" data-testid="pay-merchant">
            {merchant}
          </h1>
          <p className="mt-2 text-3xl font-semibold tracking-tight text-slate-900" data-testid="pay-amount">
            {amountLabel}
            <span className="ml-2 text-base font-normal text-slate-400">{payment.currency}</span>
          </p>
          {payment.billNumber ? <p className="text-xs text-slate-500">{t("bill", { bill: payment.billNumber })}</p> : null}
          <div className="my-5 border-t border-dashed border-slate-200" />
          <LivePayment publicId={payment.publicId} qr={payment.qr} amountLabel={amountLabel} initial={payment.status} />
          {deepLink ? (
            <a href={deepLink} className={buttonClasses("primary", "lg", "mt-5 w-full")}>
              {t("openInApp")}
            </a>
          ) : null}
          {payment.mode === "test" ? <p className="mt-2 text-center text-xs text-amber-700">{t("testNotice")}</p> : null}
        </div>
        <div className="flex items-center justify-center gap-1.5 border-t border-slate-100 py-3 text-xs text-slate-400">
          <LogoMark className="size-4" /> {t("securedBy")}
        </div>
      </div>
      <LanguageSwitch className="bg-white" />
    </main>
  );
}

async function TooManyRequests({ retryAfter }: { retryAfter?: string }) {
  const t = await getTranslations("pay");
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <div className="w-full max-w-sm rounded-2xl bg-white p-6 text-center shadow-lg ring-1 ring-slate-200">
        <h1 className="text-lg font-semibold text-slate-900">{t("tooManyTitle")}</h1>
        <p className="mt-2 text-sm text-slate-600">{retryAfter ? t("tooManyText", { seconds: retryAfter }) : t("tooManyTextSoon")}</p>
      </div>
    </main>
  );
}
