import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { issueMessage } from "@/lib/i18n";

/** What every form's server action answers; `values` lets the form show what was typed after React resets it. */
export type ActionState = {
  error?: string;
  success?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
};

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && !name.startsWith("$ACTION") && !/password/i.test(name)) values[name] = value;
  }
  return values;
}

/**
 * Speaks the form's language. English keeps each schema's and AppError's own precise sentence (the API's
 * words); Khmer says the same by the kind of failure, from the catalogue (`forms`).
 */
async function formMessages() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("forms")]);
  const khmer = locale !== "en";
  return {
    fix: t("fixFields"),
    issue: (issue: z.core.$ZodIssue) => {
      if (!khmer) return issue.message;
      const { key, values } = issueMessage(issue);
      return t.has(`issues.${key}` as never) ? t(`issues.${key}` as never, values as never) : t("issues.check");
    },
    appError: (error: AppError) => (khmer ? t(`errors.${error.code}`) : error.message),
  };
}

type FormMessages = Awaited<ReturnType<typeof formMessages>>;

/** The first message for each field, keyed by the field's name. */
function fieldErrorsOf(error: z.ZodError, messages: FormMessages): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= messages.issue(issue);
  }
  return fieldErrors;
}

/** A form's answer to input its schema refused: the reader-language messages, each next to its field. */
export async function invalid(error: z.ZodError, formData: FormData): Promise<ActionState> {
  const messages = await formMessages();
  return { error: messages.fix, fieldErrors: fieldErrorsOf(error, messages), values: formValues(formData) };
}

type Action<Schema extends z.ZodType, Result> = (data: z.output<Schema>, formData: FormData) => Promise<Result>;
type UserAction<Schema extends z.ZodType, Result> = (data: z.output<Schema>, formData: FormData, user: SessionUser) => Promise<Result>;

// Result types only add optional fields to ActionState, so a validation failure is a valid Result too.

/** An AppError becomes the form's message (next to its field, when it names one); anything else is a bug for the error page. */
export async function answerAppErrors<Result extends ActionState>(formData: FormData, run: () => Promise<Result>): Promise<Result> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const [values, messages] = [formValues(formData), await formMessages()];
    if (error.field) return { error: messages.fix, fieldErrors: { [error.field]: messages.appError(error) }, values } as Result;
    return { error: messages.appError(error), values } as Result;
  }
}

/** A server action whose form data is validated with a zod schema first (the saas-starter pattern). */
export function validatedAction<Schema extends z.ZodType, Result extends ActionState>(schema: Schema, action: Action<Schema, Result>) {
  return async (_previous: Result, formData: FormData): Promise<Result> => {
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return (await invalid(parsed.error, formData)) as Result;
    return answerAppErrors(formData, () => action(parsed.data, formData));
  };
}

/** As validatedAction, for signed-in users only: the session is checked on the server before anything else. */
export function validatedActionWithUser<Schema extends z.ZodType, Result extends ActionState>(
  schema: Schema,
  action: UserAction<Schema, Result>,
) {
  return async (_previous: Result, formData: FormData): Promise<Result> => {
    const user = await requireUser();
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return (await invalid(parsed.error, formData)) as Result;
    return answerAppErrors(formData, () => action(parsed.data, formData, user));
  };
}
