import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/config/enums";
import en from "@/messages/en.json";
import km from "@/messages/km.json";
import { renderEmail, type EmailContent } from "./template";

export type EmailKind = "reset" | "addressTaken" | "confirmChange" | "changed" | "signUpConfirm" | "signUpTaken";

/**
 * An email from the catalogue (`emails.<kind>`) in the reader's language: its subject, heading, paragraphs
 * (p1, p2), optional action and footer. Emails are written in the account's language, whatever page asked.
 */
export function localizedEmail(
  locale: Locale,
  kind: EmailKind,
  { values = {}, actionUrl }: { values?: Record<string, string>; actionUrl?: string } = {},
): EmailContent {
  const t = createTranslator({ locale, messages: locale === "km" ? km : en, namespace: "emails" });
  const key = (part: string) => `${kind}.${part}` as "reset.subject";
  const paragraphs = ["p1", "p2"].filter((part) => t.has(key(part))).map((part) => t(key(part), values));
  return renderEmail({
    subject: t(key("subject")),
    heading: t(key("heading")),
    paragraphs,
    action: actionUrl && t.has(key("action")) ? { label: t(key("action")), url: actionUrl } : undefined,
    footer: t(key("footer")),
    orPaste: t("orPaste"),
  });
}
