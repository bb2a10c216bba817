import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/field";

/** Which payments a channel is told about, and in which language. */
export function AlertChoices({ errors, values }: { errors?: Record<string, string>; values?: { scope?: string; locale?: string } }) {
  const t = useTranslations("notifications");
  return (
    <>
      <SelectField label={t("choices.payments")} name="scope" defaultValue={values?.scope ?? "both"} error={errors?.scope}>
        <option value="both">{t("scopes.both")}</option>
        <option value="live">{t("scopes.live")}</option>
        <option value="test">{t("scopes.test")}</option>
      </SelectField>
      <SelectField label={t("choices.language")} name="locale" defaultValue={values?.locale ?? "km"} error={errors?.locale}>
        <option value="km">ខ្មែរ (Khmer)</option>
        <option value="en">English</option>
      </SelectField>
    </>
  );
}
