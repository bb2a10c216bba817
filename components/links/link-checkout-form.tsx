"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

type State = { error?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

/** "Pay with KHQR", with the amount field when the customer chooses the amount. */
export function LinkCheckoutForm({
  action,
  chooseAmount,
  currency,
  amountHint,
}: {
  action: (previous: State, formData: FormData) => Promise<State>;
  chooseAmount: boolean;
  currency: string;
  amountHint?: string;
}) {
  const t = useTranslations("linkPage");
  const [state, formAction] = useActionState(action, {});
  // The error takes the hint's place under the field, so the accepted range stays in view beside it.
  const amountError = state.fieldErrors?.amount ? [state.fieldErrors.amount, amountHint].filter(Boolean).join(" ") : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {chooseAmount ? (
        <TextField
          label={t("amountLabel", { currency })}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          placeholder={currency === "KHR" ? "10000" : "5.00"}
          defaultValue={state.values?.amount}
          error={amountError}
          hint={amountHint}
          required
        />
      ) : null}
      {state.error && !state.fieldErrors ? <Alert tone="error">{state.error}</Alert> : null}
      <SubmitButton pendingText={t("preparing")} className="w-full" size="lg">
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
