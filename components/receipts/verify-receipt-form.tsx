"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { useFormat } from "@/components/i18n/format-provider";
import { Alert } from "@/components/ui/alert";
import { SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Currency, Mode } from "@/lib/config/enums";
import type { ReceiptAnswer } from "@/lib/dashboard/receipts";
import type { ReceiptAction } from "./types";

/**
 * The cashier's check of a customer's receipt: type the hash (or the short hash with the amount), get a big
 * green or red answer. The form clears after each answer, ready for the next customer.
 */
export function VerifyReceiptForm({ action, mode, currency }: { action: ReceiptAction; mode: Mode; currency: Currency }) {
  const t = useTranslations("receipts.form");
  const [state, formAction] = useActionState(action, {});
  return (
    <div className="space-y-4">
      {state.answer ? <ReceiptVerdict answer={state.answer} /> : null}
      {state.error && !state.fieldErrors ? <Alert tone="error">{state.error}</Alert> : null}
      <form action={formAction} className="space-y-4" noValidate>
        <input type="hidden" name="mode" value={mode} />
        <TextField
          label={t("hash")}
          name="hash"
          required
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder={t("hashPlaceholder")}
          className="font-mono text-base"
          defaultValue={state.values?.hash}
          error={state.fieldErrors?.hash}
          hint={t("hashHint")}
        />
        <div className="grid grid-cols-[1fr_110px] gap-3">
          <TextField
            label={t("amount")}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            placeholder="7.50"
            className="text-base"
            defaultValue={state.values?.amount}
            error={state.fieldErrors?.amount}
          />
          <SelectField
            label={t("currency")}
            name="currency"
            defaultValue={state.values?.currency ?? currency}
            error={state.fieldErrors?.currency}
            className="text-base"
          >
            <option value="USD">USD</option>
            <option value="KHR">KHR</option>
          </SelectField>
        </div>
        <SubmitButton size="lg" className="w-full" pendingText={t("asking")}>
          {t("submit")}
        </SubmitButton>
      </form>
    </div>
  );
}

function ReceiptVerdict({ answer }: { answer: ReceiptAnswer }) {
  const t = useTranslations("receipts.verdict");
  const locale = useLocale();
  const format = useFormat();
  const amount = answer.amount !== null && answer.currency ? format.money(answer.amount, answer.currency) : null;
  const tone = !answer.verified ? "red" : answer.already_verified ? "amber" : "green";
  const styles = {
    green: "bg-emerald-600 text-white",
    amber: "bg-amber-400 text-amber-950",
    red: "bg-red-600 text-white",
  }[tone];
  const verdict = !answer.verified ? "notVerified" : answer.already_verified ? "alreadyUsed" : "paid";
  return (
    <div
      className={`rounded-2xl px-5 py-5 shadow-sm ${styles}`}
      role="status"
      aria-live="polite"
      data-testid="receipt-verdict"
      data-tone={tone}
    >
      <p className="flex items-center gap-3 text-3xl font-bold tracking-tight">
        <span aria-hidden="true" className="text-4xl">
          {tone === "green" ? "✓" : tone === "amber" ? "!" : "✗"}
        </span>
        {t(verdict)}
      </p>
      {amount ? <p className="mt-1 text-2xl font-semibold">{amount}</p> : null}
      <p className="mt-2 text-sm font-medium">{locale === "en" ? answer.message : t(`${verdict}Text`)}</p>
      {answer.already_verified && answer.first_verified_at ? (
        <p className="mt-2 text-sm" data-testid="receipt-duplicate">
          {t("firstVerified", {
            at: format.dateTime(answer.first_verified_at),
            by: answer.first_verified_by?.source === "dashboard" ? "dashboard" : "api",
          })}
        </p>
      ) : null}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs opacity-90">
        {answer.paid_at ? (
          <>
            <dt>{t("paidAt")}</dt>
            <dd>{format.dateTime(answer.paid_at)}</dd>
          </>
        ) : null}
        {answer.from_account_id ? (
          <>
            <dt>{t("from")}</dt>
            <dd className="break-all">{answer.from_account_id}</dd>
          </>
        ) : null}
        {answer.to_account_id ? (
          <>
            <dt>{t("to")}</dt>
            <dd className="break-all">{answer.to_account_id}</dd>
          </>
        ) : null}
        <dt>{t("hash")}</dt>
        <dd className="font-mono break-all">{answer.hash}</dd>
      </dl>
    </div>
  );
}
