import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LinkCheckoutForm } from "@/components/links/link-checkout-form";
import { LinkClosedNotice } from "@/components/links/link-closed-notice";
import { PaymentCard, PaymentFrame, shopName, TooManyRequests } from "@/components/pay/payment-card";
import { getFormat } from "@/i18n/format";
import { getPublicPayment } from "@/lib/dashboard/public-payment";
import { findPublicLink, openLinkPayment, openPaymentCookie } from "@/lib/links";
import { bakongDeepLink } from "@/lib/payments";
import { applyRateLimit } from "@/lib/ratelimit";
import { clientAddress } from "@/lib/std";
import { startPayment } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pay");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ slug: string }> };

/** A payment link's page: what is being paid for, then (once the customer proceeds) the live QR of their payment. */
export default async function PaymentLinkPage({ params }: Props) {
  const [format, t] = await Promise.all([getFormat(), getTranslations()]);
  const { slug } = await params;
  const limit = await applyRateLimit({ ip: clientAddress(await headers()) }, "pay_page");
  if (!limit.allowed) return <TooManyRequests retryAfter={limit.headers["Retry-After"]} />;
  const found = await findPublicLink(slug);
  if (!found) notFound();
  const { link } = found;

  const open = await openLinkPayment(link, (await cookies()).get(openPaymentCookie(link.id))?.value);
  const payment = open ? await getPublicPayment(open.publicId) : null;
  if (payment) {
    const deepLink = payment.status.status === "pending" ? await bakongDeepLink(payment) : null;
    return <PaymentCard payment={payment} deepLink={deepLink} title={link.title} paidRedirect={`/l/${slug}/done?p=${payment.publicId}`} />;
  }
  // proxy.ts answers a closed link's page with 410; this covers a link that closed since.
  if (found.status !== "active") return <LinkClosedNotice />;

  const [min, max] = [link.minAmount, link.maxAmount].map((bound) => (bound === null ? null : format.money(bound, link.currency)));
  const amountHint =
    min && max
      ? t("linkPage.amountBetween", { min, max })
      : min
        ? t("linkPage.amountAtLeast", { min })
        : max
          ? t("linkPage.amountAtMost", { max })
          : undefined;
  return (
    <PaymentFrame mode={link.mode}>
      <p className="text-sm text-slate-500">{t("pay.payTo")}</p>
      <p className="text-lg font-semibold text-slate-900">{await shopName(found.shop)}</p>
      <h1 className="mt-3 text-xl font-semibold text-slate-900" data-testid="link-title">
        {link.title}
      </h1>
      {link.description ? <p className="mt-1 text-sm whitespace-pre-line text-slate-600">{link.description}</p> : null}
      {link.amount !== null ? (
        <p className="mt-3 text-3xl font-semibold tracking-tight text-slate-900" data-testid="link-amount">
          {format.money(link.amount, link.currency)}
          <span className="ml-2 text-base font-normal text-slate-400">{link.currency}</span>
        </p>
      ) : null}
      <div className="my-5 border-t border-dashed border-slate-200" />
      <LinkCheckoutForm
        action={startPayment.bind(null, slug)}
        chooseAmount={link.amount === null}
        currency={link.currency}
        amountHint={amountHint}
      />
      <p className="mt-4 text-center text-xs text-slate-500">{t("linkPage.banks")}</p>
      {link.mode === "test" ? <p className="mt-2 text-center text-xs text-amber-700">{t("pay.testNotice")}</p> : null}
    </PaymentFrame>
  );
}
