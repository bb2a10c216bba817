"use client";

import { useState, type FormEvent } from "react";
import type { z } from "zod";

function firstIssuePerField(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

/**
 * Field messages from the same zod schema the server action uses: checked in the browser on submit (no
 * round trip for a typo), replaced by the server's answer when it arrives, cleared as the user edits a field.
 */
export function useFormErrors(schema: z.ZodType, serverErrors: Record<string, string> | undefined) {
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
    setErrors(firstIssuePerField(parsed.error));
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
