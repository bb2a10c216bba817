import { crc16 } from "./crc16";
import { KhqrDecodeError } from "./errors";
import {
  ACCOUNT_SUBTAG,
  ADDITIONAL_DATA_SUBTAG,
  CRC_HEADER,
  CURRENCY_CODE,
  LANGUAGE_SUBTAG,
  PAYLOAD_FORMAT,
  POINT_OF_INITIATION,
  TAG,
  TIMESTAMP_SUBTAG,
} from "./tags";
import { parseTlv } from "./tlv";
import type { DecodedKhqr, KhqrCurrency } from "./types";

const CRC_TLV_LENGTH = CRC_HEADER.length + 4;
const HEX4 = /^[0-9A-Fa-f]{4}$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const DIGITS = /^\d+$/;

function required(fields: Map<string, string>, tag: string, context: string): string {
  const value = fields.get(tag);
  if (value === undefined) throw new KhqrDecodeError(`${context}: required tag ${tag} is missing`);
  return value;
}

function template(fields: Map<string, string>, tag: string): Map<string, string> {
  const value = fields.get(tag);
  return value === undefined ? new Map() : parseTlv(value, `tag ${tag}`);
}

function lastKey(fields: Map<string, string>): string | undefined {
  let last: string | undefined;
  for (const key of fields.keys()) last = key;
  return last;
}

function checkCrc(qr: string, fields: Map<string, string>): string {
  const crc = fields.get(TAG.crc);
  // Stryker disable next-line ConditionalExpression: equivalent for crc === undefined: without tag 63 the last tag is not 63 either; the other checks are tested
  if (crc === undefined || lastKey(fields) !== TAG.crc || !qr.endsWith(CRC_HEADER + crc) || !HEX4.test(crc)) {
    throw new KhqrDecodeError(`KHQR must end with the CRC: tag 63, length 04, 4 hex digits`);
  }
  const expected = crc16(qr.slice(0, qr.length - CRC_TLV_LENGTH + CRC_HEADER.length));
  // The SDK accepts lowercase hex digits too.
  if (crc.toUpperCase() !== expected) throw new KhqrDecodeError(`CRC mismatch: the string says ${crc}, its content gives ${expected}`);
  return crc;
}

function pointOfInitiation(value: string): DecodedKhqr["pointOfInitiation"] {
  if (value === POINT_OF_INITIATION.static) return "static";
  if (value === POINT_OF_INITIATION.dynamic) return "dynamic";
  throw new KhqrDecodeError(
    `tag 01: point of initiation must be ${POINT_OF_INITIATION.static} or ${POINT_OF_INITIATION.dynamic}, not ${value}`,
  );
}

function currency(value: string): KhqrCurrency {
  if (value === CURRENCY_CODE.USD) return "USD";
  if (value === CURRENCY_CODE.KHR) return "KHR";
  throw new KhqrDecodeError(`tag 53: currency must be ${CURRENCY_CODE.KHR} (KHR) or ${CURRENCY_CODE.USD} (USD), not ${value}`);
}

function account(
  fields: Map<string, string>,
): Pick<DecodedKhqr, "type" | "bakongAccountId" | "merchantId" | "accountInformation" | "acquiringBank"> {
  const individual = fields.has(TAG.individualAccount);
  if (individual === fields.has(TAG.merchantAccount)) {
    throw new KhqrDecodeError("KHQR must carry exactly one account template: tag 29 (individual) or tag 30 (merchant)");
  }
  const tag = individual ? TAG.individualAccount : TAG.merchantAccount;
  const subfields = template(fields, tag);
  const context = `tag ${tag}`;
  const bakongAccountId = required(subfields, ACCOUNT_SUBTAG.accountId, context);
  if (individual) {
    return {
      type: "individual",
      bakongAccountId,
      accountInformation: subfields.get(ACCOUNT_SUBTAG.accountInformationOrMerchantId),
      acquiringBank: subfields.get(ACCOUNT_SUBTAG.acquiringBank),
    };
  }
  return {
    type: "merchant",
    bakongAccountId,
    merchantId: required(subfields, ACCOUNT_SUBTAG.accountInformationOrMerchantId, context),
    acquiringBank: required(subfields, ACCOUNT_SUBTAG.acquiringBank, context),
  };
}

function amount(fields: Map<string, string>): string | undefined {
  const value = fields.get(TAG.amount);
  if (value !== undefined && !DECIMAL.test(value)) throw new KhqrDecodeError(`tag 54: amount "${value}" is not a decimal number`);
  return value;
}

function epochMs(subfields: Map<string, string>, subtag: string): number | undefined {
  const value = subfields.get(subtag);
  if (value === undefined) return undefined;
  if (!DIGITS.test(value)) throw new KhqrDecodeError(`tag 99 sub ${subtag}: timestamp "${value}" is not a number`);
  return Number(value);
}

/** Drops the keys of absent fields, so a decoded QR compares and logs like the input that made it. */
function withoutAbsentFields(decoded: DecodedKhqr): DecodedKhqr {
  for (const key of Object.keys(decoded) as (keyof DecodedKhqr)[]) if (decoded[key] === undefined) delete decoded[key];
  return decoded;
}

/**
 * Parses a KHQR string and checks its CRC. Stricter than the SDK: rejects repeated tags at any level,
 * malformed or truncated TLV, and missing required tags. Unknown tags are skipped (bank apps add some).
 */
export function decodeKhqr(qr: string): DecodedKhqr {
  if (typeof qr !== "string") throw new KhqrDecodeError("KHQR must be a string");
  const fields = parseTlv(qr, "KHQR");
  const crc = checkCrc(qr, fields);
  const payloadFormat = required(fields, TAG.payloadFormat, "KHQR");
  if (payloadFormat !== PAYLOAD_FORMAT) throw new KhqrDecodeError(`tag 00: payload format must be ${PAYLOAD_FORMAT}, not ${payloadFormat}`);
  required(fields, TAG.country, "KHQR");
  const additionalData = template(fields, TAG.additionalData);
  const language = template(fields, TAG.language);
  const timestamps = template(fields, TAG.timestamps);

  return withoutAbsentFields({
    payloadFormat,
    pointOfInitiation: pointOfInitiation(required(fields, TAG.pointOfInitiation, "KHQR")),
    ...account(fields),
    merchantCategoryCode: required(fields, TAG.merchantCategoryCode, "KHQR"),
    currency: currency(required(fields, TAG.currency, "KHQR")),
    amount: amount(fields),
    merchantName: required(fields, TAG.merchantName, "KHQR"),
    merchantCity: required(fields, TAG.merchantCity, "KHQR"),
    billNumber: additionalData.get(ADDITIONAL_DATA_SUBTAG.billNumber),
    mobileNumber: additionalData.get(ADDITIONAL_DATA_SUBTAG.mobileNumber),
    storeLabel: additionalData.get(ADDITIONAL_DATA_SUBTAG.storeLabel),
    terminalLabel: additionalData.get(ADDITIONAL_DATA_SUBTAG.terminalLabel),
    purposeOfTransaction: additionalData.get(ADDITIONAL_DATA_SUBTAG.purposeOfTransaction),
    languagePreference: language.get(LANGUAGE_SUBTAG.preference),
    merchantNameAlternateLanguage: language.get(LANGUAGE_SUBTAG.merchantName),
    merchantCityAlternateLanguage: language.get(LANGUAGE_SUBTAG.merchantCity),
    createdAtMs: epochMs(timestamps, TIMESTAMP_SUBTAG.createdAt),
    expiresAtMs: epochMs(timestamps, TIMESTAMP_SUBTAG.expiresAt),
    crc,
  });
}
