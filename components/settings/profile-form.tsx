"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormErrors } from "@/components/ui/use-form-errors";
import { KHQR_LIMITS } from "@/lib/khqr/limits";
import { merchantProfileInput } from "@/lib/merchants/schema";
import type { ActionState } from "@/lib/dashboard/validated-action";
import { QrPreview } from "./qr-preview";

export type ProfileValues = {
  bakongAccountId: string;
  merchantName: string;
  merchantCity: string;
  merchantNameKm: string;
  merchantCityKm: string;
  currency: string;
  merchantId: string;
  acquiringBank: string;
};

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initial: ProfileValues;
  submitLabel: string;
};

function readForm(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form).entries()) if (typeof value === "string") values[name] = value;
  return values;
}

/** The merchant profile, validated field by field with the schema the server uses, beside a live QR preview. */
export function ProfileForm({ action, initial, submitLabel }: Props) {
  const t = useTranslations("profile");
  const [state, formAction] = useActionState(action, {});
  const { errors, onSubmit, onChange } = useFormErrors(merchantProfileInput, state.fieldErrors);
  const shown = { ...initial, ...state.values };
  const [preview, setPreview] = useState<Record<string, string>>(shown);

  function handleChange(event: FormEvent<HTMLFormElement>) {
    onChange(event);
    setPreview(readForm(event.currentTarget));
  }

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      onChange={handleChange}
      noValidate
      className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_260px]"
    >
      <div className="space-y-5">
        {state.success ? <Alert tone="success">{state.success}</Alert> : null}
        {state.error ? <Alert tone="error">{state.error}</Alert> : null}
        <TextField
          label={t("bakongAccountId")}
          name="bakongAccountId"
          defaultValue={shown.bakongAccountId}
          placeholder="shop@aclb"
          autoComplete="off"
          spellCheck={false}
          maxLength={KHQR_LIMITS.bakongAccountId}
          error={errors.bakongAccountId}
          hint={t("bakongAccountIdHint")}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label={t("merchantName")}
            name="merchantName"
            defaultValue={shown.merchantName}
            maxLength={KHQR_LIMITS.merchantName}
            error={errors.merchantName}
            hint={t("merchantNameHint", { max: KHQR_LIMITS.merchantName })}
          />
          <TextField
            label={t("city")}
            name="merchantCity"
            defaultValue={shown.merchantCity}
            maxLength={KHQR_LIMITS.merchantCity}
            error={errors.merchantCity}
            hint={t("cityHint", { max: KHQR_LIMITS.merchantCity })}
          />
        </div>
        <fieldset className="rounded-lg border border-slate-200 p-4">
          <legend className="px-1 text-sm font-medium text-slate-800">{t("khmerLegend")}</legend>
          <p className="mb-4 text-xs text-slate-500">{t("khmerHint")}</p>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label={t("merchantNameKm")}
              name="merchantNameKm"
              lang="km"
              defaultValue={shown.merchantNameKm}
              maxLength={KHQR_LIMITS.merchantNameAlternateLanguage}
              error={errors.merchantNameKm}
              hint={t("merchantNameKmHint", { max: KHQR_LIMITS.merchantNameAlternateLanguage })}
            />
            <TextField
              label={t("cityKm")}
              name="merchantCityKm"
              lang="km"
              defaultValue={shown.merchantCityKm}
              maxLength={KHQR_LIMITS.merchantCityAlternateLanguage}
              error={errors.merchantCityKm}
              hint={t("cityKmHint", { max: KHQR_LIMITS.merchantCityAlternateLanguage })}
            />
          </div>
        </fieldset>
        <SelectField label={t("currency")} name="currency" defaultValue={shown.currency} error={errors.currency} hint={t("currencyHint")}>
          <option value="USD">{t("usd")}</option>
          <option value="KHR">{t("khr")}</option>
        </SelectField>
        <fieldset className="rounded-lg border border-slate-200 p-4">
          <legend className="px-1 text-sm font-medium text-slate-800">{t("merchantLegend")}</legend>
          <p className="mb-4 text-xs text-slate-500">{t("merchantHint")}</p>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              label={t("merchantId")}
              name="merchantId"
              defaultValue={shown.merchantId}
              maxLength={KHQR_LIMITS.merchantId}
              error={errors.merchantId}
              autoComplete="off"
            />
            <TextField
              label={t("acquiringBank")}
              name="acquiringBank"
              defaultValue={shown.acquiringBank}
              maxLength={KHQR_LIMITS.acquiringBank}
              error={errors.acquiringBank}
              autoComplete="off"
            />
          </div>
        </fieldset>
        <SubmitButton pendingText={t("saving")}>{submitLabel}</SubmitButton>
      </div>
      <QrPreview values={preview} />
    </form>
  );
}
