import { LogoMark } from "@/components/site/logo";
import { Badge } from "@/components/ui/badge";
import { QrCode } from "@/components/ui/qr-code";
import type { PublicPayment } from "@/lib/dashboard/public-payment";
import { PrintButton } from "./print-button";

const CURRENCY_NAMES = { USD: "US dollars (USD)", KHR: "Khmer riel (KHR)" } as const;

/**
 * A static QR's page: the sticker a stall prints, not a payment to wait for. Bakong cannot tell us when a
 * static QR is paid (each payer's app writes in its own amount), so the card asks the customer to show
 * their receipt, which the cashier verifies.
 */
export function StaticQrCard({ payment }: { payment: PublicPayment }) {
  const merchant = payment.merchantName ?? "Merchant";
  return (
    <main className="flex min-h-screen items-start justify-center bg-slate-100 px-4 py-8 sm:items-center print:bg-white print:p-0">
      <div className="w-full max-w-sm space-y-4">
        <div
          className="overflow-hidden rounded-2xl bg-white shadow-lg ring-1 ring-slate-200 print:shadow-none print:ring-2 print:ring-slate-900"
          data-testid="static-qr-card"
        >
          <div className="flex items-center justify-between bg-[#e1232e] px-5 py-3 text-white">
            <span className="text-lg font-bold tracking-widest">KHQR</span>
            {payment.mode === "test" ? (
              <Badge tone="amber" className="bg-amber-100 print:hidden">
                Sandbox
              </Badge>
            ) : (
              <span className="text-xs text-white/85">Scan to pay</span>
            )}
          </div>
          <div className="flex flex-col items-center px-6 pt-5 pb-6 text-center">
            <h1 className="text-xl font-semibold text-slate-900" data-testid="static-merchant">
              {merchant}
            </h1>
            <p className="mt-1 text-sm text-slate-500">Pay in {CURRENCY_NAMES[payment.currency]}</p>
            <div className="my-4">
              <QrCode value={payment.qr} size={248} label={`KHQR code to pay ${merchant} in ${payment.currency}`} />
            </div>
            <ol className="w-full space-y-2 text-left text-sm text-slate-700">
              <li>
                <span className="font-semibold text-slate-900">1.</span> Scan with ABA, ACLEDA, Wing or any Bakong bank app.
              </li>
              <li>
                <span className="font-semibold text-slate-900">2.</span> Type the amount and pay.
              </li>
              <li>
                <span className="font-semibold text-slate-900">3.</span>{" "}
                <strong className="text-slate-900" data-testid="static-instruction">
                  Show your receipt to the cashier.
                </strong>
              </li>
            </ol>
          </div>
          <div className="flex items-center justify-center gap-1.5 border-t border-slate-100 py-3 text-xs text-slate-400">
            <LogoMark className="size-4" /> Reusable QR · KHQR Pay
          </div>
        </div>
        <PrintButton />
        {payment.mode === "test" ? (
          <p className="text-center text-xs text-amber-700 print:hidden">This is a sandbox QR: no real money moves.</p>
        ) : null}
      </div>
    </main>
  );
}
