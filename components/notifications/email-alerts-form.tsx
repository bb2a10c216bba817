"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { AlertChoices } from "./alert-choices";

type State = { error?: string; success?: string; fieldErrors?: Record<string, string> };

export function EmailAlertsForm({
  action,
  initial,
  email,
}: {
  action: (previous: State, formData: FormData) => Promise<State>;
  initial: { scope: string; locale: string } | null;
  email: string;
}) {
  const t = useTranslations("notifications.emailForm");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" name="enabled" defaultChecked={initial !== null} className="size-4 rounded border-slate-300" />
        {t("enabled", { email })}
      </label>
      <div className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <AlertChoices errors={state.fieldErrors} values={initial ?? undefined} />
        <SubmitButton pendingText={t("saving")} variant="secondary">
          {t("save")}
        </SubmitButton>
      </div>
      {state.error || state.success ? <Alert tone={state.error ? "error" : "success"}>{state.error ?? state.success}</Alert> : null}
    </form>
  );
}
