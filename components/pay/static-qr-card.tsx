import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/site/language-switch";
import { LogoMark } from "@/components/site/logo";
import { Badge } from "@/components/ui/badge";
import { QrCode } from "@/components/ui/qr-code";
import type { PublicPayment } from "@/lib/dashboard/public-payment";
import { PrintButton } from "./print-button";

/**
 * A static QR's page: the sticker a stall prints, not a payment to wait for. Bakong cannot tell us when a
 * static QR is paid (each payer's app writes in its own amount), so the card asks the customer to show
 * their receipt, which the cashier verifies.
 */
export async function StaticQrCard({ payment, merchant }: { payment: PublicPayment; merchant: string }) {
  const t = await getTranslations("pay");
  const currency = t(`static.currency${payment.currency}`);
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
                {t("sandbox")}
              </Badge>
            ) : (
              <span className="text-xs text-white/85">{t("static.scanToPay")}</span>
            )}
          </div>
          <div className="flex flex-col items-center px-6 pt-5 pb-6 text-center">
            <h1 className="text-xl font-semibold break-words text-slate-900" data-testid="static-merchant">
              {merchant}
            </h1>
            <p className="mt-1 text-sm text-slate-500">{t("static.payIn", { currency })}</p>
            <div className="my-4">
              <QrCode value={payment.qr} size={248} label={t("static.qrLabel", { merchant, currency: payment.currency })} />
            </div>
            <ol className="w-full space-y-2 text-left text-sm text-slate-700">
              <li>
                <span className="font-semibold text-slate-900">1.</span> {t("static.step1")}
              </li>
              <li>
                <span className="font-semibold text-slate-900">2.</span> {t("static.step2")}
              </li>
              <li>
                <span className="font-semibold text-slate-900">3.</span>{" "}
                <strong className="text-slate-900" data-testid="static-instruction">
                  {t("static.step3")}
                </strong>
              </li>
            </ol>
          </div>
          <div className="flex items-center justify-center gap-1.5 border-t border-slate-100 py-3 text-xs text-slate-400">
            <LogoMark className="size-4" /> {t("static.footer")}
          </div>
        </div>
        <PrintButton />
        {payment.mode === "test" ? <p className="text-center text-xs text-amber-700 print:hidden">{t("static.testNotice")}</p> : null}
        <div className="flex justify-center print:hidden">
          <LanguageSwitch className="bg-white" />
        </div>
      </div>
    </main>
  );
}
