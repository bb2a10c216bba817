"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type State = { error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

/** Creates a payment link: fixed or customer-chosen amount, and the optional settings. */
export function CreateLinkForm({ action }: { action: (previous: State, formData: FormData) => Promise<State> }) {
  const t = useTranslations("paymentLinks.form");
  const [state, formAction] = useActionState(action, {});
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  // React applies a select's defaultValue only when it mounts: the keys remount them with what was sent, so a
  // refused form keeps its mode and currency instead of falling back to test and USD.
  const [amountType, setAmountType] = useState(values.amount_type ?? "fixed");
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody>
        <form action={formAction} className="grid gap-4 sm:grid-cols-2" noValidate data-testid="create-link-form">
          <TextField
            label={t("linkTitle")}
            name="title"
            required
            maxLength={80}
            placeholder={t("linkTitlePlaceholder")}
            defaultValue={values.title}
            error={errors.title}
          />
          <div className="grid grid-cols-2 gap-4">
            <SelectField key={`mode-${values.mode}`} label={t("mode")} name="mode" defaultValue={values.mode ?? "test"} error={errors.mode}>
              <option value="test">{t("test")}</option>
              <option value="live">{t("live")}</option>
            </SelectField>
            <SelectField
              key={`currency-${values.currency}`}
              label={t("currency")}
              name="currency"
              defaultValue={values.currency ?? "USD"}
              error={errors.currency}
            >
              <option value="USD">USD</option>
              <option value="KHR">KHR</option>
            </SelectField>
          </div>
          <div className="sm:col-span-2">
            <TextField
              label={t("descriptionLabel")}
              name="description"
              maxLength={500}
              defaultValue={values.description}
              error={errors.description}
            />
          </div>
          <fieldset className="sm:col-span-2">
            <legend className="text-sm font-medium text-slate-800">{t("amount")}</legend>
            <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name="amount_type"
                  value="fixed"
                  checked={amountType === "fixed"}
                  onChange={() => setAmountType("fixed")}
                />
                {t("fixed")}
              </label>
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name="amount_type"
                  value="custom"
                  checked={amountType === "custom"}
                  onChange={() => setAmountType("custom")}
                />
                {t("custom")}
              </label>
            </div>
          </fieldset>
          {amountType === "fixed" ? (
            <TextField
              label={t("amount")}
              name="amount"
              inputMode="decimal"
              placeholder="2.50"
              defaultValue={values.amount}
              error={errors.amount}
            />
          ) : (
            <div className="grid grid-cols-2 gap-4">
              <TextField
                label={t("minimum")}
                name="min_amount"
                inputMode="decimal"
                defaultValue={values.min_amount}
                error={errors.min_amount}
              />
              <TextField
                label={t("maximum")}
                name="max_amount"
                inputMode="decimal"
                defaultValue={values.max_amount}
                error={errors.max_amount}
              />
            </div>
          )}
          <TextField
            label={t("billPrefix")}
            name="bill_number_prefix"
            maxLength={18}
            placeholder="LATTE"
            defaultValue={values.bill_number_prefix}
            error={errors.bill_number_prefix}
          />
          <TextField
            label={t("successUrl")}
            name="success_url"
            type="url"
            placeholder="https://shop.example.com/thanks"
            defaultValue={values.success_url}
            error={errors.success_url}
            hint={t("successUrlHint")}
          />
          <TextField
            label={t("expires")}
            name="expires_at"
            type="datetime-local"
            defaultValue={values.expires_at}
            error={errors.expires_at}
          />
          <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
            <input
              type="checkbox"
              name="reusable"
              defaultChecked={state.values ? values.reusable === "on" : true}
              className="size-4 rounded border-slate-300"
            />
            {t("reusable")}
          </label>
          <div className="sm:col-span-2">
            {state.error ? (
              <Alert tone="error" className="mb-3">
                {state.error}
              </Alert>
            ) : null}
            <SubmitButton pendingText={t("creating")}>{t("submit")}</SubmitButton>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
