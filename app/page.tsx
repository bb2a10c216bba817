import Link from "next/link";
import { Pricing } from "@/components/site/pricing";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { buttonClasses } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/session";
import { PLANS } from "@/lib/config/plans";

const STEPS = [
  { title: "Customer clicks Pay", text: "Your checkout asks your own backend for a payment, so your API key never reaches the browser." },
  {
    title: "Your server calls POST /qr",
    text: "We return a Bakong KHQR string and its md5 for the exact amount, valid for as long as you choose.",
  },
  { title: "Show the QR", text: "Render it yourself or send the customer to our hosted payment page. Any Bakong bank app can scan it." },
  {
    title: "Get told it's paid",
    text: "Poll /transaction/check every few seconds, or let us POST a signed webhook the moment Bakong confirms.",
  },
];

const FEATURES = [
  { title: "Byte-exact KHQR", text: "Individual and merchant QR codes identical to the official SDK, static or dynamic, with expiry." },
  { title: "Payment detection", text: "We poll Bakong for you, batch the calls, and never mistake an outage for “unpaid”." },
  { title: "Signed webhooks", text: "HMAC-SHA256 signatures, retries with backoff, and a delivery log you can replay." },
  {
    title: "A real sandbox",
    text: "Test keys talk to a built-in Bakong simulator: create a QR, press Simulate payment, watch it turn paid.",
  },
  { title: "Idempotent by design", text: "Send your order_id and retries return the original QR — never a double charge." },
  {
    title: "Hosted payment page",
    text: "A mobile-friendly page with the QR, amount, countdown and live status, at the pay_url of each QR.",
  },
];

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
  const user = await getSessionUser();
  return (
    <>
      <SiteHeader signedIn={Boolean(user)} />
      <main>
        <section className="bg-white">
          <div className="mx-auto grid max-w-6xl gap-12 px-4 py-16 sm:px-6 lg:grid-cols-2 lg:items-center lg:py-24">
            <div>
              <p className="inline-flex items-center gap-2 rounded-full bg-brand-50 px-3 py-1 text-xs font-medium text-brand-700">
                Bakong KHQR · NBC standard
              </p>
              <h1 className="mt-4 text-4xl font-semibold tracking-tight text-slate-900 sm:text-5xl">
                Accept KHQR payments with one API call.
              </h1>
              <p className="mt-5 text-lg leading-8 text-slate-600">
                Create Bakong QR codes that ABA, ACLEDA, Wing and every Bakong bank app can scan, learn the moment they are paid, and get a
                signed webhook — from your own website or app.
              </p>
              <div className="mt-8 flex flex-wrap gap-3">
                <Link href="/signup" className={buttonClasses("primary", "lg")}>
                  Create a free account
                </Link>
                <Link href="/docs" className={buttonClasses("secondary", "lg")}>
                  Read the API docs
                </Link>
              </div>
              <p className="mt-4 text-sm text-slate-500">
                {PLANS.free.name} plan: {PLANS.free.dailyQrQuota.live.toLocaleString("en-US")} live QR codes a day. Sandbox keys included,
                no bank account needed to try it.
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
          <h2 className="text-2xl font-semibold tracking-tight text-slate-900">The checkout flow</h2>
          <p className="mt-2 max-w-2xl text-slate-600">
            Four steps from “Pay” to a fulfilled order. Your API key stays on your server the whole time.
          </p>
          <ol className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {STEPS.map((step, index) => (
              <li key={step.title} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
                <span className="grid size-8 place-items-center rounded-full bg-brand-600 text-sm font-semibold text-white">
                  {index + 1}
                </span>
                <h3 className="mt-4 font-semibold text-slate-900">{step.title}</h3>
                <p className="mt-1 text-sm leading-6 text-slate-600">{step.text}</p>
              </li>
            ))}
          </ol>
        </section>

        <section className="border-y border-slate-200 bg-white">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
            <h2 className="text-2xl font-semibold tracking-tight text-slate-900">Everything between the QR and the money</h2>
            <div className="mt-8 grid gap-x-8 gap-y-10 sm:grid-cols-2 lg:grid-cols-3">
              {FEATURES.map((feature) => (
                <div key={feature.title}>
                  <h3 className="font-semibold text-slate-900">{feature.title}</h3>
                  <p className="mt-1 text-sm leading-6 text-slate-600">{feature.text}</p>
                </div>
              ))}
            </div>
          </div>
        </section>

        <section id="pricing" className="mx-auto max-w-6xl scroll-mt-16 px-4 py-16 sm:px-6">
          <h2 className="text-2xl font-semibold tracking-tight text-slate-900">Pricing</h2>
          <p className="mt-2 max-w-2xl text-slate-600">
            Plans differ only in how many new QR codes you can create per day (counted per calendar day in Cambodia). Checking payments is
            never counted.
          </p>
          <div className="mt-8">
            <Pricing />
          </div>
        </section>

        <section className="mx-auto max-w-6xl px-4 pb-20 sm:px-6">
          <div className="flex flex-col items-start justify-between gap-6 rounded-2xl bg-slate-900 px-8 py-10 sm:flex-row sm:items-center">
            <div>
              <h2 className="text-2xl font-semibold text-white">Ready to take your first KHQR payment?</h2>
              <p className="mt-2 text-slate-300">Sign up, save your Bakong account, and create a QR in under five minutes.</p>
            </div>
            <Link href="/signup" className={buttonClasses("primary", "lg")}>
              Get your API keys
            </Link>
          </div>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
