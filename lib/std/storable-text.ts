import { z } from "zod";

// An unpaired high surrogate, or a low surrogate without its high half.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether PostgreSQL stores this text exactly: `text` cannot hold NUL (the insert fails), and UTF-8 has no
 * lone surrogates (the driver writes U+FFFD, so "S-\ud800" and "S-\ufffd" would become one order id).
 */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

/**
 * Text from outside (a Bakong answer) made storable: NUL and lone surrogates become U+FFFD. Refusing it instead
 * would leave the payment it describes unrecorded, asked about again forever.
 */
export function toStorableText(value: string): string {
  return value.replaceAll("\u0000", "\ufffd").toWellFormed();
}

/** A string that PostgreSQL stores exactly; every text field of a request or form starts from this. */
export function storableString(label: string) {
  return z
    .string()
    .refine(isStorableText, { message: `${label} must not contain NUL characters or unpaired surrogates`, params: { i18n: "storable" } });
}
