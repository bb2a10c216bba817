"use client";

import { useActionState } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionMessage } from "./action-message";
import type { DeliveryRow, WebhookAction } from "./types";

const STATUS = {
  succeeded: <Badge tone="green">Delivered</Badge>,
  pending: <Badge tone="amber">Retrying</Badge>,
  failed: <Badge tone="red">Failed</Badge>,
};

function LastAttempt({ row }: { row: DeliveryRow }) {
  const last = row.attempts[0];
  if (!last) return <span className="text-slate-400">Not sent yet</span>;
  return (
    <div className="space-y-1">
      <p className="whitespace-nowrap">
        <span className="font-mono">{last.statusCode ?? "—"}</span> · {last.durationMs} ms · attempt {last.attempt}
      </p>
      {last.error ? <p className="max-w-xs text-xs break-words text-red-700">{last.error}</p> : null}
      {row.attempts.some((attempt) => attempt.responseExcerpt) ? (
        <details className="text-xs">
          <summary className="cursor-pointer text-slate-500">Responses</summary>
          <ul className="mt-1 space-y-1">
            {row.attempts.map((attempt) => (
              <li key={attempt.attempt}>
                <span className="text-slate-500">
                  #{attempt.attempt} {attempt.at} · {attempt.statusCode ?? "no answer"}
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
  const [state, resendAction] = useActionState(resendDelivery, {});
  return (
    <Card>
      <div id="deliveries" />
      <CardHeader title="Delivery log" description={<span className="font-mono break-all">{url}</span>} />
      <div className="px-5">
        <ActionMessage state={state} />
      </div>
      {deliveries.length === 0 ? (
        <EmptyState title="No deliveries yet">
          Paid payments and test events sent to this endpoint show up here with every attempt.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-100 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-5 py-3">
                  Event
                </th>
                <th scope="col" className="px-3 py-3">
                  Status
                </th>
                <th scope="col" className="px-3 py-3">
                  Last attempt
                </th>
                <th scope="col" className="px-3 py-3">
                  Next retry
                </th>
                <th scope="col" className="px-5 py-3 text-right">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {deliveries.map((row) => (
                <tr key={row.id} data-testid="webhook-delivery" data-status={row.status}>
                  <td className="px-5 py-3">
                    <p className="font-medium text-slate-900">{row.event}</p>
                    <p className="text-xs whitespace-nowrap text-slate-500">{row.created}</p>
                    <p className="font-mono text-[11px] text-slate-400">{row.id}</p>
                  </td>
                  <td className="px-3 py-3">
                    {STATUS[row.status]}
                    <p className="mt-1 text-xs text-slate-500">{row.attemptCount} of 5 attempts</p>
                  </td>
                  <td className="px-3 py-3 text-slate-700">
                    <LastAttempt row={row} />
                  </td>
                  <td className="px-3 py-3 whitespace-nowrap text-slate-700">{row.nextRetry ?? "—"}</td>
                  <td className="px-5 py-3 text-right">
                    {row.status === "pending" ? null : (
                      <form action={resendAction}>
                        <input type="hidden" name="deliveryId" value={row.id} />
                        <SubmitButton variant="secondary" size="sm" pendingText="Sending…">
                          Resend
                        </SubmitButton>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
