"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { issueMessage } from "@/lib/i18n";

/** As the server action says it (lib/dashboard/validated-action.ts): English keeps the schema's sentence. */
function useIssueText(): (issue: z.core.$ZodIssue) => string {
  const locale = useLocale();
  const t = useTranslations("forms.issues");
  return (issue) => {
    if (locale === "en") return issue.message;
    const { key, values } = issueMessage(issue);
    return t.has(key as never) ? t(key as never, values as never) : t("check");
  };
}

/**
 * Field messages from the same zod schema the server action uses: checked in the browser on submit (no
 * round trip for a typo), replaced by the server's answer when it arrives, cleared as the user edits a field.
 */
export function useFormErrors(schema: z.ZodType, serverErrors: Record<string, string> | undefined) {
  const issueText = useIssueText();
  const [errors, setErrors] = useState<Record<string, string>>(serverErrors ?? {});
  const [seenServerErrors, setSeenServerErrors] = useState(serverErrors);
  if (serverErrors !== seenServerErrors) {
    setSeenServerErrors(serverErrors);
    setErrors(serverErrors ?? {});
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const parsed = schema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (parsed.success) return setErrors({});
    event.preventDefault();
    const firstPerField: Record<string, string> = {};
    for (const issue of parsed.error.issues) firstPerField[String(issue.path[0] ?? "form")] ??= issueText(issue);
    setErrors(firstPerField);
  }

  function onChange(event: FormEvent<HTMLFormElement>) {
    const name = (event.target as HTMLInputElement).name;
    if (!name || !errors[name]) return;
    setErrors((current) => {
      const next = { ...current };
      delete next[name];
      return next;
    });
  }

  return { errors, onSubmit, onChange };
}
