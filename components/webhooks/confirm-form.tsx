"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";

type Props = {
  action: (formData: FormData) => void;
  fields: Record<string, string>;
  label: string;
  question: ReactNode;
  confirmLabel: string;
  variant?: ButtonVariant;
};

/** A button that asks before it submits: for actions that break a merchant's integration. */
export function ConfirmForm({ action, fields, label, question, confirmLabel, variant = "secondary" }: Props) {
  const t = useTranslations("webhooks.confirm");
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button variant={variant} size="sm" onClick={() => setConfirming(true)}>
        {label}
      </Button>
    );
  }
  return (
    <form
      action={action}
      onSubmit={() => setTimeout(() => setConfirming(false))}
      role="group"
      aria-label={t("label", { label })}
      className="flex w-full flex-col gap-2 rounded-lg bg-slate-50 p-3 ring-1 ring-slate-200"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <p className="text-sm text-slate-700">{question}</p>
      <div className="flex gap-2">
        <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
          {t("cancel")}
        </Button>
        <SubmitButton variant={variant === "dangerQuiet" ? "danger" : "primary"} size="sm">
          {confirmLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
