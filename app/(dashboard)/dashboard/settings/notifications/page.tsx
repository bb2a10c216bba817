import type { Metadata } from "next";
import Link from "next/link";
import { ConnectTelegramForm } from "@/components/notifications/connect-telegram-form";
import { EmailAlertsForm } from "@/components/notifications/email-alerts-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { getFormat } from "@/i18n/format";
import { PageHeader } from "@/components/ui/page-header";
import { ConfirmForm } from "@/components/webhooks/confirm-form";
import { requireUser } from "@/lib/auth/session";
import type { AlertScope } from "@/lib/config/enums";
import { alertLog, emailAlertSetting, listTelegramChats, telegramBotToken } from "@/lib/notifications";
import { connectTelegramAction, disconnectChatAction, emailAlertsAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

const SCOPES: Record<AlertScope, string> = { both: "Live and test", live: "Live only", test: "Test only" };
const LANGUAGES = { km: "ខ្មែរ", en: "English" } as const;
const STATUS_TONES = { succeeded: "green", pending: "amber", failed: "red" } as const;
const STATUS_LABELS = { succeeded: "Sent", pending: "Retrying", failed: "Failed" } as const;

export default async function NotificationsPage() {
  const format = await getFormat();
  const user = await requireUser();
  const [chats, email, log] = await Promise.all([listTelegramChats(user.id), emailAlertSetting(user.id), alertLog(user.id)]);
  const telegramOn = telegramBotToken() !== null;
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Payment alerts in your Telegram chats and by email, the moment a payment is confirmed."
        actions={
          <Link href="/dashboard/settings" className="text-sm text-slate-600 hover:underline">
            Back to settings
          </Link>
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Telegram"
            description="Connect your own chat or your shop's group: each payment arrives there with its amount, bill number and time."
          />
          <CardBody className="space-y-5">
            {telegramOn ? (
              <ConnectTelegramForm action={connectTelegramAction} />
            ) : (
              <Alert tone="info">
                Telegram alerts are not set up on this server. To turn them on, create a bot with @BotFather, set TELEGRAM_BOT_TOKEN to its
                token and restart the app. On a public https address, also set TELEGRAM_WEBHOOK_SECRET so Telegram can push updates to the
                app.
              </Alert>
            )}
            {chats.length === 0 ? (
              <p className="text-sm text-slate-500">No chats connected yet.</p>
            ) : (
              <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" data-testid="telegram-chats">
                {chats.map((chat) => (
                  <li key={chat.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                    <div>
                      <p className="font-medium text-slate-900">{chat.title}</p>
                      <p className="text-sm text-slate-500">
                        {SCOPES[chat.scope]} · {LANGUAGES[chat.locale]}
                        {chat.disconnectedAt ? ` · Disconnected: ${chat.disconnectReason ?? "by you"}` : ""}
                      </p>
                    </div>
                    {chat.disconnectedAt ? (
                      <Badge tone="slate">Disconnected</Badge>
                    ) : (
                      <div className="flex items-center gap-2">
                        <Badge tone="green">Connected</Badge>
                        <ConfirmForm
                          action={disconnectChatAction}
                          fields={{ chatId: chat.id }}
                          label="Disconnect"
                          question="This chat will get no more payment alerts."
                          confirmLabel="Disconnect chat"
                          variant="dangerQuiet"
                        />
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Email" />
          <CardBody>
            <EmailAlertsForm
              action={emailAlertsAction}
              initial={email ? { scope: email.scope, locale: email.locale } : null}
              email={user.email}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Alert log" description="The newest alerts and how each fared. Failed sends are retried automatically." />
          {log.length === 0 ? (
            <EmptyState title="No alerts yet">They appear here as payments arrive.</EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="alert-log">
                <thead className="bg-slate-50 text-left text-xs text-slate-500">
                  <tr>
                    <th className="px-5 py-2 font-medium">Time</th>
                    <th className="px-5 py-2 font-medium">Payment</th>
                    <th className="px-5 py-2 font-medium">To</th>
                    <th className="px-5 py-2 font-medium">Status</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {log.map((entry) => (
                    <tr key={entry.id}>
                      <td className="px-5 py-2 whitespace-nowrap">{format.shortDateTime(entry.createdAt)}</td>
                      <td className="px-5 py-2">
                        <Link
                          href={
                            entry.transactionId
                              ? `/dashboard/transactions/${entry.transactionId}`
                              : `/dashboard/receipts?mode=${entry.receiptMode}`
                          }
                          className="hover:underline"
                        >
                          {format.money(entry.amount, entry.currency)}
                        </Link>
                        {entry.transactionId ? null : <span className="ml-1 text-xs text-slate-500">receipt</span>}
                      </td>
                      <td className="px-5 py-2">
                        {entry.channel === "email" ? "Email" : `Telegram: ${entry.chatTitle ?? "a removed chat"}`}
                      </td>
                      <td className="px-5 py-2">
                        <Badge tone={STATUS_TONES[entry.status as keyof typeof STATUS_TONES] ?? "slate"}>
                          {STATUS_LABELS[entry.status as keyof typeof STATUS_LABELS] ?? entry.status}
                        </Badge>
                        {entry.lastError ? <p className="mt-1 text-xs text-slate-500">{entry.lastError}</p> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
