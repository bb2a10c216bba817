"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionMessage } from "./action-message";
import type { DeliveryRow, WebhookAction } from "./types";
import { DataTable } from "@/components/ui/data-table";

const STATUS = {
  succeeded: { tone: "green", key: "delivered" },
  pending: { tone: "amber", key: "retrying" },
  failed: { tone: "red", key: "failed" },
} as const;

function LastAttempt({ row }: { row: DeliveryRow }) {
  const t = useTranslations("webhooks.log");
  const last = row.attempts[0];
  if (!last) return <span className="text-slate-400">{t("notSent")}</span>;
  return (
    <div className="space-y-1">
      <p className="whitespace-nowrap">
        <span className="font-mono">{last.statusCode ?? "—"}</span> · {last.durationMs} ms · {t("attempt", { attempt: last.attempt })}
      </p>
      {last.error ? <p className="max-w-xs text-xs break-words text-red-700">{last.error}</p> : null}
      {row.attempts.some((attempt) => attempt.responseExcerpt) ? (
        <details className="text-xs">
          <summary className="cursor-pointer text-slate-500">{t("responses")}</summary>
          <ul className="mt-1 space-y-1">
            {row.attempts.map((attempt) => (
              <li key={attempt.attempt}>
                <span className="text-slate-500">
                  #{attempt.attempt} {attempt.at} · {attempt.statusCode ?? t("noAnswer")}
                </span>
                {attempt.responseExcerpt ? (
                  <pre className="mt-0.5 max-h-32 max-w-md overflow-auto rounded bg-slate-50 p-2 whitespace-pre-wrap ring-1 ring-slate-200">
                    {attempt.responseExcerpt}
                  </pre>
                ) : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

/** Recent deliveries to one endpoint with their attempts; finished ones can be sent again. */
export function DeliveryLog({
  url,
  deliveries,
  resendDelivery,
}: {
  url: string;
  deliveries: DeliveryRow[];
  resendDelivery: WebhookAction;
}) {
  const t = useTranslations("webhooks.log");
  const [state, resendAction] = useActionState(resendDelivery, {});
  return (
    <Card>
      <div id="deliveries" />
      <CardHeader title={t("title")} description={<span className="font-mono break-all">{url}</span>} />
      <div className="px-5">
        <ActionMessage state={state} />
      </div>
      {deliveries.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyText")}</EmptyState>
      ) : (
        <DataTable
          bodyClassName="align-top"
          columns={[
            { label: t("event") },
            { label: t("status") },
            { label: t("lastAttempt") },
            { label: t("nextRetry") },
            { label: t("actions"), actions: true },
          ]}
        >
          {deliveries.map((row) => (
            <tr key={row.id} data-testid="webhook-delivery" data-status={row.status}>
              <td className="px-5 py-3">
                <p className="font-medium text-slate-900">{row.event}</p>
                <p className="text-xs whitespace-nowrap text-slate-500">{row.created}</p>
                <p className="font-mono text-[11px] text-slate-400">{row.id}</p>
              </td>
              <td className="px-3 py-3">
                <Badge tone={STATUS[row.status].tone}>{t(STATUS[row.status].key)}</Badge>
                <p className="mt-1 text-xs text-slate-500">{t("attempts", { count: row.attemptCount })}</p>
              </td>
              <td className="px-3 py-3 text-slate-700">
                <LastAttempt row={row} />
              </td>
              <td className="px-3 py-3 whitespace-nowrap text-slate-700">{row.nextRetry ?? "—"}</td>
              <td className="px-5 py-3 text-right">
                {row.status === "pending" ? null : (
                  <form action={resendAction}>
                    <input type="hidden" name="deliveryId" value={row.id} />
                    <SubmitButton variant="secondary" size="sm" pendingText={t("sending")}>
                      {t("resend")}
                    </SubmitButton>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Card>
  );
}
