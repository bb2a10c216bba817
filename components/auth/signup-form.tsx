"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormErrors } from "@/components/ui/use-form-errors";
import { PASSWORD_MIN_LENGTH, signUpInput } from "@/lib/dashboard/account-forms";
import type { ActionState } from "@/lib/dashboard/validated-action";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState> };

export function SignUpForm({ action }: Props) {
  const t = useTranslations("auth");
  const [state, formAction] = useActionState(action, {});
  const { errors, onSubmit, onChange } = useFormErrors(signUpInput, state.fieldErrors);
  if (state.success) {
    return (
      <div className="space-y-5">
        <Alert tone="success">{state.success}</Alert>
        <p className="text-center text-sm text-slate-600">
          {t.rich("signup.noEmail", {
            login: (chunks) => (
              <Link href="/login" className="font-medium text-brand-700 hover:underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} onChange={onChange} noValidate className="space-y-5">
      {state.error && !state.fieldErrors ? <Alert tone="error">{state.error}</Alert> : null}
      <TextField
        label={t("email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={errors.email}
      />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        error={errors.password}
        hint={t("signup.passwordHint", { minimum: PASSWORD_MIN_LENGTH })}
      />
      <SubmitButton className="w-full" pendingText={t("signup.pending")}>
        {t("signup.submit")}
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        {t("signup.haveAccount")}{" "}
        <Link href="/login" className="font-medium text-brand-700 hover:underline">
          {t("signup.logIn")}
        </Link>
      </p>
    </form>
  );
}
