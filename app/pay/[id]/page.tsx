import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { LivePayment } from "@/components/pay/live-payment";
import { StaticQrCard } from "@/components/pay/static-qr-card";
import { LogoMark } from "@/components/site/logo";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { formatMoney } from "@/components/ui/format";
import { bakongDeepLink } from "@/lib/payments";
import { getPublicPayment } from "@/lib/dashboard/public-payment";
import { applyRateLimit } from "@/lib/ratelimit";
import { clientAddress } from "@/lib/std";

export const metadata: Metadata = { title: "Pay with KHQR", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function PayPage({ params }: Props) {
  const { id } = await params;
  const limit = await applyRateLimit({ ip: clientAddress(await headers()) }, "pay_page");
  if (!limit.allowed) return <TooManyRequests retryAfter={limit.headers["Retry-After"]} />;
  const payment = await getPublicPayment(id);
  if (!payment) notFound();
  if (payment.isStatic) return <StaticQrCard payment={payment} />;
  const deepLink = payment.status.status === "pending" ? await bakongDeepLink(payment) : null;
  const amountLabel = formatMoney(payment.amount, payment.currency);

  return (
    <main className="flex min-h-screen items-start justify-center bg-slate-100 px-4 py-8 sm:items-center">
      <div className="w-full max-w-sm overflow-hidden rounded-2xl bg-white shadow-lg ring-1 ring-slate-200">
        <div className="flex items-center justify-between bg-brand-600 px-5 py-3 text-white">
          <span className="text-sm font-semibold tracking-wide">KHQR</span>
          {payment.mode === "test" ? (
            <Badge tone="amber" className="bg-amber-100">
              Sandbox
            </Badge>
          ) : (
            <span className="text-xs text-white/80">Bakong</span>
          )}
        </div>
        <div className="px-6 pt-5 pb-6">
          <p className="text-sm text-slate-500">Pay to</p>
          <h1 className="text-lg font-semibold text-slate-900">{payment.merchantName ?? "Merchant"}</h1>
          <p className="mt-2 text-3xl font-semibold tracking-tight text-slate-900" data-testid="pay-amount">
            {amountLabel}
            <span className="ml-2 text-base font-normal text-slate-400">{payment.currency}</span>
          </p>
          {payment.billNumber ? <p className="text-xs text-slate-500">Bill {payment.billNumber}</p> : null}
          <div className="my-5 border-t border-dashed border-slate-200" />
          <LivePayment publicId={payment.publicId} qr={payment.qr} amountLabel={amountLabel} initial={payment.status} />
          {deepLink ? (
            <a href={deepLink} className={buttonClasses("primary", "lg", "mt-5 w-full")}>
              Open in Bakong app
            </a>
          ) : null}
          {payment.mode === "test" ? (
            <p className="mt-2 text-center text-xs text-amber-700">This is a test payment: no real money moves.</p>
          ) : null}
        </div>
        <div className="flex items-center justify-center gap-1.5 border-t border-slate-100 py-3 text-xs text-slate-400">
          <LogoMark className="size-4" /> Secured by KHQR Pay
        </div>
      </div>
    </main>
  );
}

function TooManyRequests({ retryAfter }: { retryAfter?: string }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 px-4">
      <div className="w-full max-w-sm rounded-2xl bg-white p-6 text-center shadow-lg ring-1 ring-slate-200">
        <h1 className="text-lg font-semibold text-slate-900">Too many requests</h1>
        <p className="mt-2 text-sm text-slate-600">Please wait {retryAfter ?? "a few"} seconds and reload this page.</p>
      </div>
    </main>
  );
}
