import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
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
import {
  alertLog,
  CONNECT_CODE_TTL_MS,
  DISCONNECTED_BY_USER,
  emailAlertSetting,
  listTelegramChats,
  telegramBotToken,
} from "@/lib/notifications";
import { connectTelegramAction, disconnectChatAction, emailAlertsAction } from "./actions";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("metaTitle") };
}

// Each language by its own name, as language pickers do.
const LANGUAGES = { km: "ខ្មែរ", en: "English" } as const;
const STATUS_TONES = { succeeded: "green", pending: "amber", failed: "red" } as const;
const STATUS_LABELS = { succeeded: "sent", pending: "retrying", failed: "failed" } as const;

export default async function NotificationsPage() {
  const [format, t] = await Promise.all([getFormat(), getTranslations("notifications")]);
  const user = await requireUser();
  const [chats, email, log] = await Promise.all([listTelegramChats(user.id), emailAlertSetting(user.id), alertLog(user.id)]);
  const telegramOn = telegramBotToken() !== null;
  // Telegram's own refusals (a blocked bot, a deleted group) are shown as Telegram words them.
  const disconnectReason = (reason: string | null) => (reason === null || reason === DISCONNECTED_BY_USER ? t("byYou") : reason);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/dashboard/settings" className="text-sm text-slate-600 hover:underline">
            {t("back")}
          </Link>
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title={t("telegramTitle")} description={t("telegramDescription")} />
          <CardBody className="space-y-5">
            {telegramOn ? (
              <ConnectTelegramForm action={connectTelegramAction} codeMinutes={CONNECT_CODE_TTL_MS / 60_000} />
            ) : (
              <Alert tone="info">{t("telegramOff")}</Alert>
            )}
            {chats.length === 0 ? (
              <p className="text-sm text-slate-500">{t("noChats")}</p>
            ) : (
              <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200" data-testid="telegram-chats">
                {chats.map((chat) => (
                  <li key={chat.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
                    <div>
                      <p className="font-medium text-slate-900">{chat.title}</p>
                      <p className="text-sm text-slate-500">
                        {t(`scopes.${chat.scope}`)} · {LANGUAGES[chat.locale]}
                        {chat.disconnectedAt ? ` · ${t("disconnectedBecause", { reason: disconnectReason(chat.disconnectReason) })}` : ""}
                      </p>
                    </div>
                    {chat.disconnectedAt ? (
                      <Badge tone="slate">{t("disconnected")}</Badge>
                    ) : (
                      <div className="flex items-center gap-2">
                        <Badge tone="green">{t("connected")}</Badge>
                        <ConfirmForm
                          action={disconnectChatAction}
                          fields={{ chatId: chat.id }}
                          label={t("disconnect")}
                          question={t("disconnectQuestion")}
                          confirmLabel={t("disconnectConfirm")}
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
          <CardHeader title={t("emailTitle")} />
          <CardBody>
            <EmailAlertsForm
              action={emailAlertsAction}
              initial={email ? { scope: email.scope, locale: email.locale } : null}
              email={user.email}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("log.title")} description={t("log.description")} />
          {log.length === 0 ? (
            <EmptyState title={t("log.emptyTitle")}>{t("log.emptyText")}</EmptyState>
          ) : (
            <DataTable
              testId="alert-log"
              columns={[{ label: t("log.time") }, { label: t("log.payment") }, { label: t("log.to") }, { label: t("log.status") }]}
            >
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
                    {entry.transactionId ? null : <span className="ml-1 text-xs text-slate-500">{t("log.receipt")}</span>}
                  </td>
                  <td className="px-5 py-2">
                    {entry.channel === "email" ? t("log.email") : t("log.telegram", { chat: entry.chatTitle ?? t("log.removedChat") })}
                  </td>
                  <td className="px-5 py-2">
                    <Badge tone={STATUS_TONES[entry.status as keyof typeof STATUS_TONES] ?? "slate"}>
                      {entry.status in STATUS_LABELS ? t(`log.${STATUS_LABELS[entry.status as keyof typeof STATUS_LABELS]}`) : entry.status}
                    </Badge>
                    {entry.lastError ? <p className="mt-1 text-xs text-slate-500">{entry.lastError}</p> : null}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
      </div>
    </>
  );
}
