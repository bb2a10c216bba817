/** Which language a page speaks and how numbers, money and dates are written in it; pure, so the browser uses it too. */
export { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, negotiateLocale, resolveLocale } from "./locale";
export {
  CAMBODIA_TIME_ZONE,
  formatCount,
  formatDateTime,
  formatMoney,
  formatShortDateTime,
  formatterFor,
  toKhmerDigits,
  type FormatPreferences,
  type Formatter,
} from "./format";
export { issueMessage, type IssueMessage } from "./form-issues";
