"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/dashboard/validated-action";

type Props = { transactionId: string; action: (state: ActionState, formData: FormData) => Promise<ActionState> };

/** Pays a test-mode static QR as a customer would, with an amount of their choosing; answers the receipt's hash. */
export function SimulateStaticPaymentForm({ transactionId, action }: Props) {
  const t = useTranslations("transaction");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <input type="hidden" name="transactionId" value={transactionId} />
      <TextField
        label={t("customerAmount")}
        name="amount"
        inputMode="decimal"
        placeholder="2.50"
        defaultValue={state.values?.amount}
        error={state.fieldErrors?.amount}
      />
      <SubmitButton pendingText={t("paying")}>{t("simulateCustomer")}</SubmitButton>
      {state.error && !state.fieldErrors ? <Alert tone="error">{state.error}</Alert> : null}
      {state.success ? (
        <Alert tone="success" className="break-all">
          {state.success}
        </Alert>
      ) : null}
    </form>
  );
}
