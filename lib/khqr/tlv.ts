import { KhqrDecodeError } from "./errors";
import { MAX_TLV_VALUE_LENGTH } from "./limits";

const HEADER_LENGTH = 4;

/** "00" … "99": formatting the length is the most frequent step of building a QR. */
const TWO_DIGITS: readonly string[] = Array.from({ length: MAX_TLV_VALUE_LENGTH + 1 }, (_, length) => String(length).padStart(2, "0"));

/** One TLV: two-digit tag, two-digit length in UTF-16 code units (as the SDK counts), value. */
export function tlv(tag: string, value: string): string {
  return tag + TWO_DIGITS[value.length]! + value;
}

/** tlv(), or nothing when the value is absent. */
export function optionalTlv(tag: string, value: string | undefined): string {
  return value === undefined ? "" : tlv(tag, value);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function twoDigitsAt(text: string, position: number): boolean {
  return isDigit(text.charCodeAt(position)) && isDigit(text.charCodeAt(position + 1));
}

/**
 * Splits a run of TLVs into tag → value, in order. Throws KhqrDecodeError on anything malformed:
 * a non-numeric tag or length, an empty value, a value running past the end, or a repeated tag
 * (the SDK silently keeps the last one, which lets a second amount be smuggled in).
 */
export function parseTlv(text: string, context: string): Map<string, string> {
  const fields = new Map<string, string>();
  let position = 0;
  while (position < text.length) {
    if (position + HEADER_LENGTH > text.length) {
      throw new KhqrDecodeError(`${context}: truncated tag and length at position ${position}`);
    }
    const tag = text.slice(position, position + 2);
    if (!twoDigitsAt(text, position)) throw new KhqrDecodeError(`${context}: tag "${tag}" at position ${position} is not two digits`);
    if (!twoDigitsAt(text, position + 2)) throw new KhqrDecodeError(`${context}: tag ${tag} has a length that is not two digits`);
    const length = Number(text.slice(position + 2, position + HEADER_LENGTH));
    if (length === 0) throw new KhqrDecodeError(`${context}: tag ${tag} has an empty value`);
    const end = position + HEADER_LENGTH + length;
    if (end > text.length) {
      throw new KhqrDecodeError(
        `${context}: tag ${tag} declares ${length} characters but only ${text.length - position - HEADER_LENGTH} remain`,
      );
    }
    if (fields.has(tag)) throw new KhqrDecodeError(`${context}: duplicate tag ${tag}`);
    fields.set(tag, text.slice(position + HEADER_LENGTH, end));
    position = end;
  }
  return fields;
}
