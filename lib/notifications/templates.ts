import { createTranslator } from "next-intl";
import type { Currency, Locale, Mode } from "@/lib/config/enums";
import { renderEmail, type EmailContent } from "@/lib/email";
import { formatDateTime, formatMoney } from "@/lib/i18n";
import en from "@/messages/en.json";
import km from "@/messages/km.json";

/** What a payment alert tells, whatever the channel. */
export type PaymentFacts = {
  /** A dynamic QR marked paid, or a customer's receipt verified for the first time (a static QR's payment). */
  kind: "paid" | "verified";
  amount: string | null;
  currency: Currency;
  mode: Mode;
  billNumber: string | null;
  orderId: string | null;
  linkTitle: string | null;
  /** The payer's bank as Bakong named its account (the part after "@"), when Bakong said. */
  payerBank: string | null;
  paidAt: Date;
  dashboardUrl: string;
};

/** Telegram's HTML parse mode: merchant- and payer-provided text must not become markup. */
export const escapeTelegramHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** The catalogue's alert texts (`alerts`) in one language: alerts speak the chat's or the account's, whatever page set them up. */
const alertTexts = (locale: Locale) => createTranslator({ locale, messages: locale === "km" ? km : en, namespace: "alerts" });

/** Money and time as the dashboard writes them in that language (riel whole with ៛, Cambodia time). */
function formatted(locale: Locale, facts: PaymentFacts) {
  const preferences = { locale, khmerDigits: false };
  return { amount: formatMoney(facts.amount ?? 0, facts.currency, preferences), time: formatDateTime(facts.paidAt, preferences) };
}

/** The detail lines of an alert, each with its label, in the chosen language, before escaping. */
function detailLines(locale: Locale, facts: PaymentFacts): string[] {
  const t = alertTexts(locale);
  return [
    facts.linkTitle === null ? null : t("link", { title: facts.linkTitle }),
    facts.billNumber === null ? null : t("bill", { bill: facts.billNumber }),
    facts.orderId === null ? null : t("order", { order: facts.orderId }),
    facts.payerBank === null ? null : t("bank", { bank: facts.payerBank }),
    t("time", { time: formatted(locale, facts).time }),
    facts.mode === "test" ? t("sandbox") : null,
  ].filter((line): line is string => line !== null);
}

/** The Telegram message (HTML parse mode) of a paid transaction. */
export function telegramPaymentAlert(locale: Locale, facts: PaymentFacts): string {
  const t = alertTexts(locale);
  const { amount } = formatted(locale, facts);
  const heading = facts.kind === "paid" ? t("heading", { amount }) : t("verifiedHeading", { amount });
  return [
    `<b>${escapeTelegramHtml(heading)}</b>`,
    ...detailLines(locale, facts).map(escapeTelegramHtml),
    escapeTelegramHtml(t("dashboard", { url: facts.dashboardUrl })),
  ].join("\n");
}

/** The email of a paid transaction. */
export function emailPaymentAlert(locale: Locale, facts: PaymentFacts): EmailContent {
  const t = alertTexts(locale);
  const { amount } = formatted(locale, facts);
  const paid = facts.kind === "paid";
  return renderEmail({
    subject: paid ? t("subject", { amount }) : t("verifiedSubject", { amount }),
    heading: paid ? t("heading", { amount }) : t("verifiedHeading", { amount }),
    paragraphs: detailLines(locale, facts),
    action: { label: t("action"), url: facts.dashboardUrl },
    footer: t("footer"),
  });
}

export function telegramConnectedMessage(locale: Locale, shopName: string): string {
  return escapeTelegramHtml(alertTexts(locale)("connected", { shop: shopName }));
}

/** A /start with a code that is unknown, used or expired: we do not know the chat's language, so both. */
export const telegramInvalidCodeMessage = () => [alertTexts("km")("invalidCode"), alertTexts("en")("invalidCode")].join("\n\n");
