import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, CardBody } from "@/components/ui/card";
import { devMailbox, devMailboxEnabled } from "@/lib/email";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("mailbox");
  return { title: t("metaTitle"), robots: { index: false } };
}
export const dynamic = "force-dynamic";

/** Development only: every queued email, so the quick start covers flows that send mail (production: 404). */
export default async function DevMailboxPage() {
  if (!devMailboxEnabled()) notFound();
  const [messages, t] = await Promise.all([devMailbox(), getTranslations("mailbox")]);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("lead")}</p>
      {messages.length === 0 ? <p className="mt-8 text-sm text-slate-500">{t("empty")}</p> : null}
      <div className="mt-6 space-y-4">
        {messages.map((message) => (
          <Card key={message.id}>
            <CardBody>
              <p className="text-xs text-slate-500">
                {t("meta", { to: message.to, at: message.createdAt.toISOString(), status: message.status })}
              </p>
              <h2 className="mt-1 font-semibold text-slate-900" data-testid="mail-subject">
                {message.subject}
              </h2>
              <pre className="mt-3 overflow-x-auto text-sm whitespace-pre-wrap text-slate-700" data-testid="mail-text">
                {message.text}
              </pre>
            </CardBody>
          </Card>
        ))}
      </div>
    </main>
  );
}
