"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { Locale } from "@/lib/config/enums";
import type { ActionState } from "@/lib/dashboard/validated-action";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initial: { locale: Locale; khmerDigits: boolean };
};

/** The account's language (dashboard and emails) and whether numbers are written with Khmer digits. */
export function PreferencesForm({ action, initial }: Props) {
  const t = useTranslations("settings");
  const languages = useTranslations("site.language");
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-5" data-testid="preferences-form">
      {state.success ? <Alert tone="success">{state.success}</Alert> : null}
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <SelectField label={t("language")} name="locale" defaultValue={initial.locale}>
        <option value="km">{languages("km")}</option>
        <option value="en">{languages("en")}</option>
      </SelectField>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="khmerDigits" defaultChecked={initial.khmerDigits} className="size-4 rounded border-slate-300" />
        {t("khmerDigits")}
      </label>
      <SubmitButton variant="secondary">{t("savePreferences")}</SubmitButton>
    </form>
  );
}
