"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { ActionMessage } from "./action-message";
import { SecretBox } from "./secret-box";
import type { WebhookAction } from "./types";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/config/enums";

const EVENT_LABELS = {
  "transaction.paid": "paid",
  "transaction.expired": "expired",
  "transaction.verified": "verified",
} as const satisfies Record<WebhookEvent, string>;

/** Adds an endpoint; the answer shows its new signing secret once, right here. */
export function AddEndpointForm({ createEndpoint }: { createEndpoint: WebhookAction }) {
  const t = useTranslations("webhooks");
  const [state, action] = useActionState(createEndpoint, {});
  return (
    <Card>
      <CardHeader title={t("add.title")} description={t("add.description")} />
      <CardBody>
        <form action={action} className="grid gap-4 sm:grid-cols-[1fr_140px_auto] sm:items-start" noValidate>
          <TextField
            label={t("add.url")}
            name="url"
            type="url"
            inputMode="url"
            placeholder="https://shop.example.com/webhooks/khqr"
            required
            maxLength={2048}
            defaultValue={state.values?.url}
            error={state.fieldErrors?.url}
          />
          <SelectField label={t("add.mode")} name="mode" defaultValue={state.values?.mode ?? "test"} error={state.fieldErrors?.mode}>
            <option value="test">{t("add.test")}</option>
            <option value="live">{t("add.live")}</option>
          </SelectField>
          <div className="sm:pt-7">
            <SubmitButton pendingText={t("add.adding")}>{t("add.submit")}</SubmitButton>
          </div>
          <fieldset className="sm:col-span-3">
            <legend className="text-sm font-medium text-slate-700">{t("add.events")}</legend>
            <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
              {WEBHOOK_EVENTS.map((event) => (
                <label key={event} className="flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    name={`event_${event}`}
                    defaultChecked={state.values ? state.values[`event_${event}`] === "on" : event === "transaction.paid"}
                    className="size-4 rounded border-slate-300"
                  />
                  <span>
                    <span className="font-mono text-xs">{event}</span> — {t(`eventLabels.${EVENT_LABELS[event]}`)}
                  </span>
                </label>
              ))}
            </div>
            {state.fieldErrors?.events ? <p className="mt-1 text-sm text-red-600">{state.fieldErrors.events}</p> : null}
          </fieldset>
        </form>
        {state.fieldErrors ? null : <ActionMessage state={state} />}
        {state.secret ? <SecretBox value={state.secret.value} /> : null}
      </CardBody>
    </Card>
  );
}
