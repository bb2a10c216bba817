import type { z } from "zod";

/** A catalogue key under `forms.issues` and its values: what a Khmer form says for one zod issue. */
export type IssueMessage = { key: string; values: Record<string, number | string> };

/**
 * What went wrong in a form field, by kind rather than by the English sentence the schema carries (the API
 * keeps answering in English). A refinement names its own message with `params: { i18n: "<key>" }`.
 */
export function issueMessage(issue: z.core.$ZodIssue): IssueMessage {
  switch (issue.code) {
    case "too_small":
      return Number(issue.minimum) <= 1 ? { key: "required", values: {} } : { key: "tooShort", values: { minimum: Number(issue.minimum) } };
    case "too_big":
      return { key: "tooLong", values: { maximum: Number(issue.maximum) } };
    case "invalid_format":
      return { key: issue.format === "email" ? "email" : "format", values: {} };
    case "invalid_value":
    case "invalid_type":
      return { key: "choose", values: {} };
    case "custom": {
      const named = (issue.params as { i18n?: unknown } | undefined)?.i18n;
      return typeof named === "string" ? { key: `custom.${named}`, values: {} } : { key: "check", values: {} };
    }
    default:
      return { key: "check", values: {} };
  }
}
