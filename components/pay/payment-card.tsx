import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/site/language-switch";
import { LogoMark } from "@/components/site/logo";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { getFormat } from "@/i18n/format";
import type { PublicPayment } from "@/lib/dashboard/public-payment";
import { LivePayment } from "./live-payment";

/** The shop's name as the reader reads it: its Khmer name on a Khmer page, when the merchant saved one. */
export async function shopName(payment: Pick<PublicPayment, "merchantName" | "merchantNameKm">): Promise<string> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("pay")]);
  return (locale === "km" ? payment.merchantNameKm : null) ?? payment.merchantName ?? t("merchant");
}

/** The card a customer pays on: the merchant, what it charges, the live QR and, on phones, the bank-app link. */
export async function PaymentCard({
  payment,
  deepLink,
  title,
  paidRedirect,
}: {
  payment: PublicPayment;
  deepLink: string | null;
  /** What is being paid for (a payment link's title). */
  title?: string;
  /** Where the page goes once the payment is paid (a payment link's success step). */
  paidRedirect?: string;
}) {
  const [merchant, t, format] = await Promise.all([shopName(payment), getTranslations("pay"), getFormat()]);
  const amountLabel = payment.amount === null ? "" : format.money(payment.amount, payment.currency);
  return (
    <PaymentFrame mode={payment.mode}>
      <p className="text-sm text-slate-500">{t("payTo")}</p>
      <h1 className="text-lg font-semibold break-words text-slate-900" data-testid="pay-merchant">
        {merchant}
      </h1>
      {title ? <p className="text-sm text-slate-700">{title}</p> : null}
      <p className="mt-2 text-3xl font-semibold tracking-tight text-slate-900" data-testid="pay-amount">
        {amountLabel}
        <span className="ml-2 text-base font-normal text-slate-400">{payment.currency}</span>
      </p>
      {payment.billNumber ? <p className="text-xs text-slate-500">{t("bill", { bill: payment.billNumber })}</p> : null}
      <div className="my-5 border-t border-dashed border-slate-200" />
      <LivePayment
        publicId={payment.publicId}
        qr={payment.qr}
        amountLabel={amountLabel}
        initial={payment.status}
        paidRedirect={paidRedirect}
      />
      {deepLink ? (
        <a href={deepLink} className={buttonClasses("primary", "lg", "mt-5 w-full")}>
          {t("openInApp")}
        </a>
      ) : null}
      {payment.mode === "test" ? <p className="mt-2 text-center text-xs text-amber-700">{t("testNotice")}</p> : null}
    </PaymentFrame>
  );
}

/** The hosted pages' frame: the KHQR header (Sandbox in test mode), the content, "Secured by KHQR Pay", the language switch. */
export async function PaymentFrame({ mode, children }: { mode: "live" | "test"; children: ReactNode }) {
  const t = await getTranslations("pay");
  return (
    <main className="flex min-h-screen flex-col items-center justify-start gap-4 bg-slate-100 px-3 py-8 sm:justify-center sm:px-4 print:bg-white">
      <div className="w-full max-w-sm overflow-hidden rounded-2xl bg-white shadow-lg ring-1 ring-slate-200">
        <div className="flex items-center justify-between bg-brand-600 px-5 py-3 text-white">
          <span className="text-sm font-semibold tracking-wide">KHQR</span>
          {mode === "test" ? (
            <Badge tone="amber" className="bg-amber-100">
              {t("sandbox")}
            </Badge>
          ) : (
            <span className="text-xs text-white/80">Bakong</span>
          )}
        </div>
        <div className="px-5 pt-5 pb-6 sm:px-6">{children}</div>
        <div className="flex items-center justify-center gap-1.5 border-t border-slate-100 py-3 text-xs text-slate-400">
          <LogoMark className="size-4" /> {t("securedBy")}
        </div>
      </div>
      <LanguageSwitch className="bg-white print:hidden" />
    </main>
  );
}

/** A short message page in the same style as the payment pages (not found, gone, too many requests). */
export function PaymentNotice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <div className="w-full max-w-sm rounded-2xl bg-white p-6 text-center shadow-lg ring-1 ring-slate-200">
        <h1 className="text-lg font-semibold text-slate-900">{title}</h1>
        <div className="mt-2 text-sm text-slate-600">{children}</div>
      </div>
    </main>
  );
}

export async function TooManyRequests({ retryAfter }: { retryAfter?: string }) {
  const t = await getTranslations("pay");
  return (
    <PaymentNotice title={t("tooManyTitle")}>
      <p>{retryAfter ? t("tooManyText", { seconds: retryAfter }) : t("tooManyTextSoon")}</p>
    </PaymentNotice>
  );
}
