import { SelectField } from "@/components/ui/field";

/** Which payments a channel is told about, and in which language. */
export function AlertChoices({ errors, values }: { errors?: Record<string, string>; values?: { scope?: string; locale?: string } }) {
  return (
    <>
      <SelectField label="Payments" name="scope" defaultValue={values?.scope ?? "both"} error={errors?.scope}>
        <option value="both">Live and test</option>
        <option value="live">Live only</option>
        <option value="test">Test only</option>
      </SelectField>
      <SelectField label="Language" name="locale" defaultValue={values?.locale ?? "km"} error={errors?.locale}>
        <option value="km">ខ្មែរ (Khmer)</option>
        <option value="en">English</option>
      </SelectField>
    </>
  );
}
