"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge, ModeBadge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionMessage } from "./action-message";
import { ConfirmForm } from "./confirm-form";
import { SecretBox } from "./secret-box";
import type { EndpointActions, EndpointView } from "./types";

type Props = { endpoint: EndpointView; actions: EndpointActions; selected: boolean };

/** One endpoint: its status (and why it is disabled), recent deliveries, and everything a merchant can do to it. */
export function EndpointCard({ endpoint, actions, selected }: Props) {
  const t = useTranslations("webhooks.card");
  const [secretState, revealAction] = useActionState(actions.revealSecret, {});
  const [rotateState, rotateAction] = useActionState(actions.rotateSecret, {});
  const [enableState, enableAction] = useActionState(actions.setEnabled, {});
  const [deleteState, deleteAction] = useActionState(actions.deleteEndpoint, {});
  const [testState, testAction] = useActionState(actions.sendTestEvent, {});
  const secret = rotateState.secret ?? secretState.secret;
  const id = { endpointId: endpoint.id };

  return (
    <li data-testid="webhook-endpoint" data-endpoint-id={endpoint.id} className={selected ? "bg-emerald-50/40 px-5 py-4" : "px-5 py-4"}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <ModeBadge mode={endpoint.mode} />
            {endpoint.enabled ? <Badge tone="green">{t("enabled")}</Badge> : <Badge tone="red">{t("disabled")}</Badge>}
            {endpoint.enabled && endpoint.consecutiveFailures > 0 ? (
              <Badge tone="amber">{t("failedInRow", { count: endpoint.consecutiveFailures })}</Badge>
            ) : null}
          </div>
          <p className="mt-1.5 font-mono text-sm break-all text-slate-900">{endpoint.url}</p>
          <p className="mt-1 text-xs text-slate-600" data-testid="endpoint-events">
            {t("events", { events: endpoint.events.join(", ") })}
          </p>
          <p className="mt-1 text-xs text-slate-500">
            {t("stats", {
              days: endpoint.stats.windowDays,
              succeeded: endpoint.stats.succeeded,
              failed: endpoint.stats.failed,
              pending: endpoint.stats.pending,
              last: endpoint.stats.lastDelivery,
              added: endpoint.created,
            })}
          </p>
        </div>
        <Link
          href={`/dashboard/webhooks?endpoint=${endpoint.id}#deliveries`}
          className={buttonClasses("ghost", "sm")}
          aria-current={selected ? "true" : undefined}
        >
          {t("deliveryLog")}
        </Link>
      </div>

      {!endpoint.enabled && endpoint.disabledReason ? (
        <Alert tone="warning" className="mt-3">
          {endpoint.disabledReason}
        </Alert>
      ) : null}

      <div className="mt-3 flex flex-wrap gap-2">
        <form action={revealAction}>
          <input type="hidden" name="endpointId" value={endpoint.id} />
          <SubmitButton variant="secondary" size="sm" pendingText={t("revealing")}>
            {t("reveal")}
          </SubmitButton>
        </form>
        <form action={testAction}>
          <input type="hidden" name="endpointId" value={endpoint.id} />
          <SubmitButton variant="secondary" size="sm" pendingText={t("sending")}>
            {t("sendTest")}
          </SubmitButton>
        </form>
        <form action={enableAction}>
          <input type="hidden" name="endpointId" value={endpoint.id} />
          <input type="hidden" name="enabled" value={endpoint.enabled ? "false" : "true"} />
          <SubmitButton variant="secondary" size="sm">
            {endpoint.enabled ? t("disable") : t("enable")}
          </SubmitButton>
        </form>
        <ConfirmForm action={rotateAction} fields={id} label={t("rotate")} question={t("rotateQuestion")} confirmLabel={t("rotate")} />
        <ConfirmForm
          action={deleteAction}
          fields={id}
          label={t("delete")}
          variant="dangerQuiet"
          question={t("deleteQuestion")}
          confirmLabel={t("deleteConfirm")}
        />
      </div>

      {[testState, enableState, rotateState, deleteState, secretState].map((state, index) => (
        <ActionMessage key={index} state={state} />
      ))}
      {secret ? <SecretBox value={secret.value} /> : null}
    </li>
  );
}
