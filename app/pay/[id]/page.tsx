import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PaymentCard, shopName, TooManyRequests } from "@/components/pay/payment-card";
import { StaticQrCard } from "@/components/pay/static-qr-card";
import { bakongDeepLink } from "@/lib/payments";
import { getPublicPayment } from "@/lib/dashboard/public-payment";
import { applyRateLimit } from "@/lib/ratelimit";
import { clientAddress } from "@/lib/std";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pay");
  return { title: t("metaTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ id: string }> };

export default async function PayPage({ params }: Props) {
  const { id } = await params;
  const limit = await applyRateLimit({ ip: clientAddress(await headers()) }, "pay_page");
  if (!limit.allowed) return <TooManyRequests retryAfter={limit.headers["Retry-After"]} />;
  const payment = await getPublicPayment(id);
  if (!payment) notFound();
  if (payment.isStatic) return <StaticQrCard payment={payment} merchant={await shopName(payment)} />;
  const deepLink = payment.status.status === "pending" ? await bakongDeepLink(payment) : null;
  return <PaymentCard payment={payment} deepLink={deepLink} />;
}
