"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/dashboard/validated-action";

export type AccountField = { label: string; name: string; type?: "email" | "password" | "hidden"; autoComplete?: string; value?: string };

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: AccountField[];
  submitLabel: string;
  pendingText: string;
  variant?: "primary" | "secondary" | "danger";
  fullWidth?: boolean;
};

/** A small account form (passwords, email, sessions): the server action's message on top, each field's error beside it. */
export function AccountForm({ action, fields, submitLabel, pendingText, variant, fullWidth }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} noValidate className="space-y-5">
      {state.success ? <Alert tone="success">{state.success}</Alert> : null}
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {fields.map((field) =>
        field.type === "hidden" ? (
          <input key={field.name} type="hidden" name={field.name} value={field.value} />
        ) : (
          <TextField
            key={field.name}
            label={field.label}
            name={field.name}
            type={field.type ?? "text"}
            autoComplete={field.autoComplete}
            defaultValue={field.type === "password" ? undefined : state.values?.[field.name]}
            required
            error={state.fieldErrors?.[field.name]}
          />
        ),
      )}
      <SubmitButton pendingText={pendingText} variant={variant} className={fullWidth ? "w-full" : undefined}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
