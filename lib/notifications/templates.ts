import type { Locale, Currency, Mode } from "@/lib/config/enums";
import { renderEmail, type EmailContent } from "@/lib/email";
import { cambodiaDateTime } from "@/lib/std";

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

/** `$5.00`, `20,000៛`: how people in Cambodia write each currency. */
export function formatAlertAmount(amount: string | null, currency: Currency): string {
  const value = Number(amount ?? 0);
  if (currency === "KHR") return `${Math.round(value).toLocaleString("en-US")}៛`;
  return `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

type Lines = {
  heading: (amount: string) => string;
  verifiedHeading: (amount: string) => string;
  verifiedSubject: (amount: string) => string;
  link: (title: string) => string;
  bill: (bill: string) => string;
  order: (order: string) => string;
  bank: (bank: string) => string;
  time: (time: string) => string;
  sandbox: string;
  dashboard: (url: string) => string;
  subject: (amount: string) => string;
  footer: string;
  action: string;
};

const LINES: Record<Locale, Lines> = {
  en: {
    heading: (amount) => `✅ Payment received: ${amount}`,
    verifiedHeading: (amount) => `✅ Receipt verified: ${amount} reached your account`,
    verifiedSubject: (amount) => `Receipt verified: ${amount}`,
    link: (title) => `Payment link: ${title}`,
    bill: (bill) => `Bill number: ${bill}`,
    order: (order) => `Order ID: ${order}`,
    bank: (bank) => `Payer's bank: ${bank}`,
    time: (time) => `Time: ${time} (Cambodia)`,
    sandbox: "Test mode: no real money moved.",
    dashboard: (url) => `Open in the dashboard: ${url}`,
    subject: (amount) => `Payment received: ${amount}`,
    footer: "You receive this because payment alerts by email are on in KHQR Pay (Settings → Notifications).",
    action: "Open in the dashboard",
  },
  km: {
    heading: (amount) => `✅ បានទទួលការទូទាត់៖ ${amount}`,
    verifiedHeading: (amount) => `✅ បានផ្ទៀងផ្ទាត់បង្កាន់ដៃ៖ ${amount} បានចូលគណនីរបស់អ្នកហើយ`,
    verifiedSubject: (amount) => `បានផ្ទៀងផ្ទាត់បង្កាន់ដៃ៖ ${amount}`,
    link: (title) => `តំណបង់ប្រាក់៖ ${title}`,
    bill: (bill) => `លេខវិក្កយបត្រ៖ ${bill}`,
    order: (order) => `លេខការបញ្ជាទិញ៖ ${order}`,
    bank: (bank) => `ធនាគាររបស់អ្នកបង់ប្រាក់៖ ${bank}`,
    time: (time) => `ម៉ោង៖ ${time} (ម៉ោងកម្ពុជា)`,
    sandbox: "របៀបសាកល្បង៖ មិនមានប្រាក់ពិតត្រូវបានផ្ទេរទេ។",
    dashboard: (url) => `មើលនៅក្នុងផ្ទាំងគ្រប់គ្រង៖ ${url}`,
    subject: (amount) => `បានទទួលការទូទាត់៖ ${amount}`,
    footer: "អ្នកទទួលបានអ៊ីមែលនេះ ព្រោះការជូនដំណឹងអំពីការទូទាត់តាមអ៊ីមែលត្រូវបានបើកនៅក្នុង KHQR Pay (ការកំណត់ → ការជូនដំណឹង)។",
    action: "មើលនៅក្នុងផ្ទាំងគ្រប់គ្រង",
  },
};

/** The detail lines of an alert, each with its label, in the chosen language, before escaping. */
function detailLines(lines: Lines, facts: PaymentFacts): string[] {
  return [
    facts.linkTitle === null ? null : lines.link(facts.linkTitle),
    facts.billNumber === null ? null : lines.bill(facts.billNumber),
    facts.orderId === null ? null : lines.order(facts.orderId),
    facts.payerBank === null ? null : lines.bank(facts.payerBank),
    lines.time(cambodiaDateTime(facts.paidAt)),
    facts.mode === "test" ? lines.sandbox : null,
  ].filter((line): line is string => line !== null);
}

/** The Telegram message (HTML parse mode) of a paid transaction. */
export function telegramPaymentAlert(locale: Locale, facts: PaymentFacts): string {
  const lines = LINES[locale];
  const amount = formatAlertAmount(facts.amount, facts.currency);
  const heading = facts.kind === "paid" ? lines.heading(amount) : lines.verifiedHeading(amount);
  return [
    `<b>${escapeTelegramHtml(heading)}</b>`,
    ...detailLines(lines, facts).map(escapeTelegramHtml),
    escapeTelegramHtml(lines.dashboard(facts.dashboardUrl)),
  ].join("\n");
}

/** The email of a paid transaction. */
export function emailPaymentAlert(locale: Locale, facts: PaymentFacts): EmailContent {
  const lines = LINES[locale];
  const amount = formatAlertAmount(facts.amount, facts.currency);
  const paid = facts.kind === "paid";
  return renderEmail({
    subject: paid ? lines.subject(amount) : lines.verifiedSubject(amount),
    heading: paid ? lines.heading(amount) : lines.verifiedHeading(amount),
    paragraphs: detailLines(lines, facts),
    action: { label: lines.action, url: facts.dashboardUrl },
    footer: lines.footer,
  });
}

const CONNECTED: Record<Locale, (shop: string) => string> = {
  en: (shop) => `✅ This chat is now connected to KHQR Pay for ${shop}. Payment alerts will arrive here.`,
  km: (shop) => `✅ ឆាតនេះបានភ្ជាប់ជាមួយ KHQR Pay សម្រាប់ ${shop} រួចហើយ។ ការជូនដំណឹងអំពីការទូទាត់នឹងផ្ញើមកទីនេះ។`,
};

export function telegramConnectedMessage(locale: Locale, shopName: string): string {
  return escapeTelegramHtml(CONNECTED[locale](shopName));
}

/** A /start with a code that is unknown, used or expired: we do not know the chat's language, so both. */
export const TELEGRAM_INVALID_CODE_MESSAGE = [
  "លេខកូដភ្ជាប់នេះមិនត្រឹមត្រូវ ឬផុតកំណត់ហើយ។ សូមបើក ការកំណត់ → ការជូនដំណឹង នៅក្នុង KHQR Pay ដើម្បីទទួលបានតំណថ្មី។",
  "This connection code is not valid or has expired. Open Settings → Notifications in KHQR Pay for a new link.",
].join("\n\n");
