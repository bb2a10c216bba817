import type { ReactNode } from "react";
import { LogoMark } from "@/components/site/logo";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { formatMoney } from "@/components/ui/format";
import type { PublicPayment } from "@/lib/dashboard/public-payment";
import { LivePayment } from "./live-payment";

/** The card a customer pays on: the merchant, what it charges, the live QR and, on phones, the bank-app link. */
export function PaymentCard({
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
  const amountLabel = formatMoney(payment.amount, payment.currency);
  return (
    <PaymentFrame mode={payment.mode}>
      <p className="text-sm text-slate-500">Pay to</p>
      <h1 className="text-lg font-semibold text-slate-900">{payment.merchantName ?? "Merchant"}</h1>
      {title ? <p className="text-sm text-slate-700">{title}</p> : null}
      <p className="mt-2 text-3xl font-semibold tracking-tight text-slate-900" data-testid="pay-amount">
        {amountLabel}
        <span className="ml-2 text-base font-normal text-slate-400">{payment.currency}</span>
      </p>
      {payment.billNumber ? <p className="text-xs text-slate-500">Bill {payment.billNumber}</p> : null}
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
          Open in Bakong app
        </a>
      ) : null}
      {payment.mode === "test" ? (
        <p className="mt-2 text-center text-xs text-amber-700">This is a test payment: no real money moves.</p>
      ) : null}
    </PaymentFrame>
  );
}

/** The hosted pages' frame: the KHQR header (Sandbox in test mode), the content, "Secured by KHQR Pay". */
export function PaymentFrame({ mode, children }: { mode: "live" | "test"; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-start justify-center bg-slate-100 px-4 py-8 sm:items-center print:bg-white">
      <div className="w-full max-w-sm overflow-hidden rounded-2xl bg-white shadow-lg ring-1 ring-slate-200">
        <div className="flex items-center justify-between bg-brand-600 px-5 py-3 text-white">
          <span className="text-sm font-semibold tracking-wide">KHQR</span>
          {mode === "test" ? (
            <Badge tone="amber" className="bg-amber-100">
              Sandbox
            </Badge>
          ) : (
            <span className="text-xs text-white/80">Bakong</span>
          )}
        </div>
        <div className="px-6 pt-5 pb-6">{children}</div>
        <div className="flex items-center justify-center gap-1.5 border-t border-slate-100 py-3 text-xs text-slate-400">
          <LogoMark className="size-4" /> Secured by KHQR Pay
        </div>
      </div>
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

export function TooManyRequests({ retryAfter }: { retryAfter?: string }) {
  return (
    <PaymentNotice title="Too many requests">
      <p>Please wait {retryAfter ?? "a few"} seconds and reload this page.</p>
    </PaymentNotice>
  );
}
