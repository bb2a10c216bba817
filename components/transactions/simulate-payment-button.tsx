"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/dashboard/validated-action";

type Props = { transactionId: string; action: (state: ActionState, formData: FormData) => Promise<ActionState> };

/** Pays a test-mode QR through the sandbox, so the whole flow (status, webhooks) can be tried without a bank. */
export function SimulatePaymentButton({ transactionId, action }: Props) {
  const t = useTranslations("transaction");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="transactionId" value={transactionId} />
      <SubmitButton pendingText={t("paying")}>{t("simulate")}</SubmitButton>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.success ? <Alert tone="success">{state.success}</Alert> : null}
    </form>
  );
}
