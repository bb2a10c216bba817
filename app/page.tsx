import Link from "next/link";
import { Pricing } from "@/components/site/pricing";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { buttonClasses } from "@/components/ui/button";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/i18n/format";
import { getSessionUser } from "@/lib/auth/session";
import { PLANS } from "@/lib/config/plans";

const STEPS = ["click", "create", "show", "paid"] as const;
const FEATURES = ["exact", "detection", "webhooks", "sandbox", "idempotent", "hosted", "khmer"] as const;

const EXAMPLE = `curl -X POST https://your-host/api/v1/qr \\
  -H "Authorization: Bearer khqr_test_…" \\
  -H "Content-Type: application/json" \\
  -d '{"amount": 5.00, "currency": "USD",
       "order_id": "ORDER-1042"}'

{
  "qr": "00020101021229…6304A13F",
  "md5": "d60f3db96913029a2af979a1662c1e72",
  "amount": 5, "currency": "USD",
  "type": "dynamic", "status": "pending",
  "expires_at": "2026-05-13T14:15:00.000Z"
}`;

export default async function LandingPage() {
  const [user, t, tPlans, format] = await Promise.all([
    getSessionUser(),
    getTranslations("landing"),
    getTranslations("pricing.plans"),
    getFormat(),
  ]);
  return (
    <>
      <SiteHeader signedIn={Boolean(user)} />
      <main>
        <section className="bg-white">
          <div className="mx-auto grid max-w-6xl gap-12 px-4 py-16 sm:px-6 lg:grid-cols-2 lg:items-center lg:py-24">
            <div>
              <p className="inline-flex items-center gap-2 rounded-full bg-brand-50 px-3 py-1 text-xs font-medium text-brand-700">
                {t("badge")}
              </p>
              <h1 className="mt-4 text-4xl font-semibold tracking-tight text-slate-900 sm:text-5xl">{t("title")}</h1>
              <p className="mt-5 text-lg leading-8 text-slate-600">{t("lead")}</p>
              <div className="mt-8 flex flex-wrap gap-3">
                <Link href="/signup" className={buttonClasses("primary", "lg")}>
                  {t("ctaSignUp")}
                </Link>
                <Link href="/docs" className={buttonClasses("secondary", "lg")}>
                  {t("ctaDocs")}
                </Link>
              </div>
              <p className="mt-4 text-sm text-slate-500">
                {t("freePlan", { plan: tPlans("free.name"), count: format.count(PLANS.free.dailyQrQuota.live) })}
              </p>
            </div>
            <div className="overflow-hidden rounded-2xl bg-slate-900 shadow-xl ring-1 ring-slate-800">
              <div className="flex items-center gap-1.5 border-b border-slate-800 px-4 py-3" aria-hidden="true">
                <span className="size-2.5 rounded-full bg-slate-700" />
                <span className="size-2.5 rounded-full bg-slate-700" />
                <span className="size-2.5 rounded-full bg-slate-700" />
              </div>
              <pre className="overflow-x-auto p-5 text-[13px] leading-6 text-slate-100">
                <code>{EXAMPLE}</code>
              </pre>
            </div>
          </div>
        </section>

        <section id="how-it-works" className="mx-auto max-w-6xl scroll-mt-16 px-4 py-16 sm:px-6">
          <h2 className="text-2xl font-semibold tracking-tight text-slate-900">{t("flowTitle")}</h2>
          <p className="mt-2 max-w-2xl text-slate-600">{t("flowLead")}</p>
          <ol className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {STEPS.map((step, index) => (
              <li key={step} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
                <span className="grid size-8 place-items-center rounded-full bg-brand-600 text-sm font-semibold text-white">
                  {format.count(index + 1)}
                </span>
                <h3 className="mt-4 font-semibold text-slate-900">{t(`steps.${step}.title`)}</h3>
                <p className="mt-1 text-sm leading-6 text-slate-600">{t(`steps.${step}.text`)}</p>
              </li>
            ))}
          </ol>
        </section>

        <section className="border-y border-slate-200 bg-white">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
            <h2 className="text-2xl font-semibold tracking-tight text-slate-900">{t("featuresTitle")}</h2>
            <div className="mt-8 grid gap-x-8 gap-y-10 sm:grid-cols-2 lg:grid-cols-3">
              {FEATURES.map((feature) => (
                <div key={feature}>
                  <h3 className="font-semibold text-slate-900">{t(`features.${feature}.title`)}</h3>
                  <p className="mt-1 text-sm leading-6 text-slate-600">{t(`features.${feature}.text`)}</p>
                </div>
              ))}
            </div>
          </div>
        </section>

        <section id="pricing" className="mx-auto max-w-6xl scroll-mt-16 px-4 py-16 sm:px-6">
          <h2 className="text-2xl font-semibold tracking-tight text-slate-900">{t("pricingTitle")}</h2>
          <p className="mt-2 max-w-2xl text-slate-600">{t("pricingLead")}</p>
          <div className="mt-8">
            <Pricing />
          </div>
        </section>

        <section className="mx-auto max-w-6xl px-4 pb-20 sm:px-6">
          <div className="flex flex-col items-start justify-between gap-6 rounded-2xl bg-slate-900 px-8 py-10 sm:flex-row sm:items-center">
            <div>
              <h2 className="text-2xl font-semibold text-white">{t("readyTitle")}</h2>
              <p className="mt-2 text-slate-300">{t("readyText")}</p>
            </div>
            <Link href="/signup" className={buttonClasses("primary", "lg")}>
              {t("readyCta")}
            </Link>
          </div>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
