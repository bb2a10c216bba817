import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { CodeBlock } from "@/components/docs/code-block";
import { EndpointSection } from "@/components/docs/endpoint-section";
import { FieldTable } from "@/components/docs/field-table";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { API_ERRORS } from "@/lib/api";
import { getSessionUser } from "@/lib/auth/session";
import { API_RATE_LIMITS } from "@/lib/config/rate-limits";
import { PLANS } from "@/lib/config/plans";
import { QR_EXPIRY_SECONDS } from "@/lib/config/limits";
import {
  endpointViews,
  webhookEventViews,
  WEBHOOK_ATTEMPTS,
  WEBHOOK_DISABLE_AFTER_FAILURES,
  WEBHOOK_HEADERS,
  WEBHOOK_RETRY_SCHEDULE,
  WEBHOOK_TIMEOUT_SECONDS,
} from "@/lib/openapi";
import { backendExample, browserExample, PAYMENT_LINK_VERIFY_FUNCTION, WEBHOOK_VERIFY_EXAMPLE } from "./examples";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("docs");
  return { title: t("metaTitle") };
}

const SECTIONS = [
  "getting-started",
  "authentication",
  "checkout-flow",
  "endpoints",
  "errors",
  "idempotency",
  "rate-limits",
  "static-qrs",
  "webhooks",
  "payment-links",
  "sandbox",
  "payment-page",
] as const;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="scroll-mt-20 space-y-4">
      <h2 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h2>
      <div className="space-y-4 leading-7 text-slate-700">{children}</div>
    </section>
  );
}

const Code = ({ children }: { children: ReactNode }) => (
  <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[13px] text-slate-900">{children}</code>
);

export default async function DocsPage() {
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "localhost:3000";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  const baseUrl = `${protocol}://${host}/api/v1`;
  const [user, endpoints] = [await getSessionUser(), endpointViews(baseUrl)];
  const webhookEvents = webhookEventViews();
  // The chrome speaks the reader's language; the reference itself is English, as the API is.
  const [t, locale] = await Promise.all([getTranslations("docs"), getLocale()]);

  return (
    <>
      <SiteHeader signedIn={Boolean(user)} />
      <div className="mx-auto flex max-w-7xl gap-10 px-4 py-10 sm:px-6">
        <nav aria-label={t("navLabel")} className="sticky top-24 hidden h-fit w-52 shrink-0 lg:block">
          <p className="mb-3 text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("reference")}</p>
          <ul className="space-y-1 text-sm">
            {SECTIONS.map((id) => (
              <li key={id}>
                <a href={`#${id}`} className="block rounded px-2 py-1 text-slate-600 hover:bg-white hover:text-slate-900">
                  {t(`sections.${id}`)}
                </a>
                {id === "endpoints" ? (
                  <ul className="ml-3 border-l border-slate-200 pl-2">
                    {endpoints.map((endpoint) => (
                      <li key={endpoint.anchor}>
                        <a href={`#${endpoint.anchor}`} className="block px-2 py-0.5 text-xs text-slate-500 hover:text-slate-900">
                          {endpoint.summary}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
          <a href="/api/v1/openapi.json" className="mt-6 block text-sm font-medium text-brand-700 hover:underline">
            {t("openApi")}
          </a>
        </nav>

        <main className="min-w-0 flex-1 space-y-16" lang="en">
          <header>
            {locale === "en" ? null : (
              <p lang={locale} className="mb-6 rounded-lg bg-sky-50 px-4 py-3 text-sm text-sky-900 ring-1 ring-sky-200">
                {t("englishOnly")}
              </p>
            )}
            <h1 className="text-4xl font-semibold tracking-tight text-slate-900">KHQR Pay API</h1>
            <p className="mt-3 max-w-3xl text-lg text-slate-600">
              Create Bakong KHQR codes, learn when they are paid, and receive signed webhooks. JSON over HTTPS, one bearer key,{" "}
              {Object.keys(API_ERRORS).length} error codes.
            </p>
            <p className="mt-4 text-sm text-slate-600">
              Base URL <Code>{baseUrl}</Code> · machine-readable:{" "}
              <a href="/api/v1/openapi.json" className="font-medium text-brand-700 hover:underline">
                /api/v1/openapi.json
              </a>
            </p>
          </header>

          <Section id="getting-started" title="Getting started">
            <ol className="list-decimal space-y-1 pl-5">
              <li>
                <Link href="/signup" className="text-brand-700 hover:underline">
                  Create an account
                </Link>
                : you receive a live key and a test key.
              </li>
              <li>
                Save your Bakong account ID and merchant name under{" "}
                <Link href="/dashboard/settings" className="text-brand-700 hover:underline">
                  Settings
                </Link>
                .
              </li>
              <li>
                From your server, call <Code>POST /qr</Code> with an amount and show the returned QR to the customer.
              </li>
              <li>
                Poll <Code>POST /transaction/check</Code> with the md5 (or add a webhook) and fulfil the order once it is <Code>paid</Code>.
              </li>
            </ol>
          </Section>

          <Section id="authentication" title="Authentication">
            <p>
              Send your key in the <Code>Authorization</Code> header of every request, and JSON bodies with{" "}
              <Code>Content-Type: application/json</Code>. Keys starting <Code>khqr_live_</Code> create real Bakong payments;{" "}
              <Code>khqr_test_</Code> keys talk to the sandbox. The two modes never see each other&apos;s data.
            </p>
            <CodeBlock code={`Authorization: Bearer khqr_live_…`} />
            <p>
              Keep keys on your server. Browsers may call the API directly (CORS is enabled, for testing), but a key in a web page can be
              copied by anyone: let your backend call us. A revoked key answers <Code>403 forbidden</Code> from its next request; a missing
              or unknown key <Code>401 unauthorized</Code>. Every response carries an <Code>X-Request-Id</Code> to quote to support.
            </p>
          </Section>

          <Section id="checkout-flow" title="Checkout flow">
            <ol className="list-decimal space-y-1 pl-5">
              <li>The customer presses Pay; your page asks your backend for a payment.</li>
              <li>
                Your backend calls <Code>POST /qr</Code> with the amount and your order id.
              </li>
              <li>
                The page renders the <Code>qr</Code> string as a QR image (or sends the customer to the hosted page at <Code>pay_url</Code>
                ).
              </li>
              <li>
                Your backend polls <Code>POST /transaction/check</Code> every ~3 s (or waits for the webhook) until the status is{" "}
                <Code>paid</Code> or <Code>expired</Code>.
              </li>
            </ol>
            <CodeBlock title="Node.js backend" code={backendExample(baseUrl)} />
            <CodeBlock title="Checkout page" code={browserExample()} />
          </Section>

          <div id="endpoints" className="scroll-mt-20 space-y-10">
            <h2 className="text-2xl font-semibold tracking-tight text-slate-900">Endpoints</h2>
            {endpoints.map((endpoint) => (
              <EndpointSection key={endpoint.anchor} endpoint={endpoint} baseUrl={baseUrl} />
            ))}
          </div>

          <Section id="errors" title="Errors">
            <p>
              Every error has the same shape. Branch on <Code>error</Code>, never on the human-readable <Code>message</Code>.
            </p>
            <CodeBlock code={JSON.stringify({ error: "invalid_input", message: "amount: USD amounts have at most 2 decimals" }, null, 2)} />
            <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
              <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="errors-table">
                <thead className="bg-slate-50 text-left text-xs font-medium text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-2">
                      HTTP
                    </th>
                    <th scope="col" className="px-4 py-2">
                      error
                    </th>
                    <th scope="col" className="px-4 py-2">
                      Meaning
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 bg-white">
                  {Object.entries(API_ERRORS).map(([code, error]) => (
                    <tr key={code}>
                      <td className="px-4 py-2 font-mono">{error.status}</td>
                      <td className="px-4 py-2 font-mono text-slate-900">{code}</td>
                      <td className="px-4 py-2">{error.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>
              <Code>502 bakong_unavailable</Code> means the payment status is <em>unknown</em>: never treat it as unpaid. Retry after a few
              seconds.
            </p>
          </Section>

          <Section id="idempotency" title="Idempotency">
            <p>
              Send your own <Code>order_id</Code> with <Code>POST /qr</Code>. Sending the same order id again with the same parameters
              returns the original QR and md5 with <Code>idempotent_replay: true</Code> — so a timed-out request can simply be retried. The
              same order id with different parameters is refused with <Code>409 conflict</Code>. Order ids are unique per account and mode,
              and concurrent identical requests create exactly one payment.
            </p>
            <p>
              Dynamic QRs expire after <Code>expires_in_seconds</Code> ({QR_EXPIRY_SECONDS.min}–{QR_EXPIRY_SECONDS.max}, default{" "}
              {QR_EXPIRY_SECONDS.default}).
            </p>
          </Section>

          <Section id="rate-limits" title="Rate limits & quotas">
            <p>Each API key has a sliding one-minute window per route:</p>
            <ul className="list-disc pl-5">
              {(["qr", "check", "by_order", "general"] as const).map((route) => (
                <li key={route}>
                  {API_RATE_LIMITS[route].label}: {API_RATE_LIMITS[route].requestsPerMinute} requests per minute
                </li>
              ))}
            </ul>
            <p>
              Every response has <Code>X-RateLimit-Limit</Code>, <Code>X-RateLimit-Remaining</Code> and <Code>X-RateLimit-Reset</Code> (unix
              seconds). Over a limit you get <Code>429 rate_limit_exceeded</Code> with <Code>Retry-After</Code> in seconds.
            </p>
            <p>
              On top, each plan allows a number of new QR codes per calendar day in Cambodia (UTC+7); replays of an order id are free, and
              so are status checks:
            </p>
            <ul className="list-disc pl-5">
              {Object.values(PLANS).map((plan) => (
                <li key={plan.name}>
                  {plan.name} ({plan.price}): {plan.dailyQrQuota.live.toLocaleString("en-US")} live and{" "}
                  {plan.dailyQrQuota.test.toLocaleString("en-US")} test QR codes a day
                </li>
              ))}
            </ul>
            <p>
              When the daily quota is used up, <Code>POST /qr</Code> answers 429 with “Daily plan limit reached — upgrade to continue” until
              midnight in Cambodia.
            </p>
          </Section>

          <Section id="static-qrs" title="Static QRs & receipts">
            <p>
              <Code>POST /qr</Code> without an amount makes a static QR: the reusable sticker a stall prints, into which each customer types
              the amount. Its <Code>type</Code> and <Code>status</Code> are always <Code>static</Code>, never <Code>pending</Code>,{" "}
              <Code>paid</Code> or <Code>expired</Code>: Bakong cannot check a static QR by md5, because each payer&apos;s bank app writes
              its own amount into the string it pays, so there is no one payment to ask about.
            </p>
            <p>
              A payment to a static QR is confirmed from the customer&apos;s receipt instead. Send its transaction hash to{" "}
              <Code>POST /transaction/verify</Code>: all 64 characters, or the 8-character short hash bank apps print together with the
              amount and currency. The answer says whether that payment reached <em>your</em> Bakong account. Each verified payment is
              recorded once per account and mode, so the same receipt shown a second time answers <Code>already_verified: true</Code> with
              when and by whom it was first verified: never hand the goods over twice. The dashboard&apos;s{" "}
              <Link href="/dashboard/receipts" className="text-brand-700 hover:underline">
                Verify a receipt
              </Link>{" "}
              page does the same for a cashier on a phone. Verification works for dynamic QRs&apos; payments too.
            </p>
          </Section>

          <Section id="webhooks" title="Webhooks">
            <p>
              Add an endpoint under{" "}
              <Link href="/dashboard/webhooks" className="text-brand-700 hover:underline">
                Webhooks
              </Link>{" "}
              (one per mode) and choose its events. When a QR of that mode is paid we <Code>POST</Code> a <Code>transaction.paid</Code>{" "}
              event to it, signed with the endpoint&apos;s secret (<Code>whsec_…</Code>); endpoints can also opt in to{" "}
              <Code>transaction.expired</Code> and <Code>transaction.verified</Code>.
            </p>
            <div className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <thead className="bg-slate-50 text-left text-xs font-medium text-slate-500">
                  <tr>
                    <th scope="col" className="px-4 py-2">
                      Header
                    </th>
                    <th scope="col" className="px-4 py-2">
                      Meaning
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100 bg-white">
                  {WEBHOOK_HEADERS.map((header) => (
                    <tr key={header.name}>
                      <td className="px-4 py-2 align-top font-mono text-[13px] whitespace-nowrap text-slate-900">{header.name}</td>
                      <td className="px-4 py-2">{header.description}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {webhookEvents.map((view) => (
              <div key={view.schemaName} className="space-y-2">
                <h3 className="pt-2 text-lg font-semibold text-slate-900">{view.events.join(", ")}</h3>
                <ul className="list-disc space-y-1 pl-5">
                  {view.summaries.map((summary) => (
                    <li key={summary}>{summary}</li>
                  ))}
                </ul>
                <FieldTable fields={view.fields} showRequired={false} />
              </div>
            ))}
            <h3 className="pt-2 text-lg font-semibold text-slate-900">Delivery and retries</h3>
            <p>
              Answer with any 2xx within {WEBHOOK_TIMEOUT_SECONDS} seconds. Anything else is retried with exponential backoff —{" "}
              {WEBHOOK_ATTEMPTS} attempts in all ({WEBHOOK_RETRY_SCHEDULE.join(", ")}, with jitter) — then marked failed; you can resend it
              from the delivery log. After {WEBHOOK_DISABLE_AFTER_FAILURES} consecutive failed deliveries the endpoint is disabled.
              Redirects are not followed. An event can arrive more than once (a retry after a lost answer, or a resend from the delivery
              log): deduplicate on the event&apos;s <Code>id</Code> (also in <Code>X-KHQR-Event-Id</Code>), which stays the same across
              retries and resends; <Code>X-KHQR-Delivery-Id</Code> is new for each resend.
            </p>
            <h3 className="pt-2 text-lg font-semibold text-slate-900">Verifying the signature</h3>
            <p>
              <Code>X-KHQR-Signature</Code> is <Code>t=&lt;unix&gt;,v1=&lt;hex&gt;</Code>, where v1 is the HMAC-SHA256 of{" "}
              <Code>&lt;t&gt;.&lt;raw body&gt;</Code> keyed with the endpoint secret. Compute it over the raw bytes, compare in constant
              time, and reject old timestamps:
            </p>
            <CodeBlock title="Node.js" code={WEBHOOK_VERIFY_EXAMPLE} />
          </Section>

          <Section id="payment-links" title="Payment links">
            <p>
              A payment link (dashboard → Payment links, or <Code>POST /payment-links</Code>) is a page at <Code>/l/&lt;slug&gt;</Code>{" "}
              where customers pay a fixed amount, or one they choose, without any code of yours. Each payment is an ordinary QR of your
              account (quota, webhooks, history, CSV) with the link&apos;s id on it. A customer who reloads or opens a second tab gets the
              same open QR back; a deactivated, used (single-use) or expired link answers <Code>410 Gone</Code>.
            </p>
            <p>
              With a success URL, the customer is sent there once paid with <Code>link</Code>, <Code>md5</Code>, <Code>order_id</Code>,{" "}
              <Code>t</Code> (unix seconds) and <Code>sig</Code>: the hex HMAC-SHA256 of{" "}
              <Code>link=…&amp;md5=…&amp;order_id=…&amp;t=…</Code> (each value URL-encoded) keyed with the link&apos;s signing secret, shown
              on the link&apos;s page in the dashboard. Check it before treating the order as paid, or confirm with{" "}
              <Code>POST /transaction/check</Code>:
            </p>
            <CodeBlock title="Node.js" code={PAYMENT_LINK_VERIFY_FUNCTION} />
          </Section>

          <Section id="sandbox" title="Sandbox">
            <p>
              Test keys create QR codes that no bank will pay. Pay one from the transaction&apos;s page in the dashboard (
              <strong>Simulate payment</strong>) or with <Code>POST /sandbox/transactions/pay</Code>: the next check reports it paid and
              test-mode webhooks fire, exactly as in live mode. Paying it again answers the original payment; an expired QR answers{" "}
              <Code>409 conflict</Code> and stays expired. A static QR is paid with the <Code>amount</Code> the customer would type, any
              number of times, and each payment answers the hash its receipt would show, to try <Code>POST /transaction/verify</Code> with;
              simulated receipts verify only for the account that made them.
            </p>
          </Section>

          <Section id="payment-page" title="Hosted payment page">
            <p>
              Instead of rendering the QR yourself, send the customer to the <Code>pay_url</Code> of the answer (an unguessable address, not
              the md5). The page shows the QR, amount, merchant name and a countdown, and turns to “Paid” by itself. It is public and shows
              nothing about your account beyond what the QR already says. A static QR&apos;s page is a printable “scan to pay” card instead,
              asking the customer to show their receipt to the cashier.
            </p>
          </Section>
        </main>
      </div>
      <SiteFooter />
    </>
  );
}
