"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormErrors } from "@/components/ui/use-form-errors";
import { PASSWORD_MIN_LENGTH, signUpInput } from "@/lib/dashboard/account-forms";
import type { ActionState } from "@/lib/dashboard/validated-action";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState> };

export function SignUpForm({ action }: Props) {
  const [state, formAction] = useActionState(action, {});
  const { errors, onSubmit, onChange } = useFormErrors(signUpInput, state.fieldErrors);
  if (state.success) {
    return (
      <div className="space-y-5">
        <Alert tone="success">{state.success}</Alert>
        <p className="text-center text-sm text-slate-600">
          No email after a few minutes? Check your spam folder, or{" "}
          <Link href="/login" className="font-medium text-brand-700 hover:underline">
            log in
          </Link>{" "}
          if you already have an account.
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} onChange={onChange} noValidate className="space-y-5">
      {state.error && !state.fieldErrors ? <Alert tone="error">{state.error}</Alert> : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={errors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        error={errors.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few words works well.`}
      />
      <SubmitButton className="w-full" pendingText="Creating your account…">
        Create account
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-brand-700 hover:underline">
          Log in
        </Link>
      </p>
    </form>
  );
}
