import { crc16OfBytes, crcToHex } from "./crc16";
import { MD5_TAIL_ROOM, md5OfBytes } from "./md5";
import {
  ACCOUNT_SUBTAG,
  ADDITIONAL_DATA_SUBTAG,
  COUNTRY_CODE,
  CRC_HEADER,
  CURRENCY_CODE,
  LANGUAGE_SUBTAG,
  PAYLOAD_FORMAT,
  POINT_OF_INITIATION,
  TAG,
  TIMESTAMP_SUBTAG,
} from "./tags";
import { optionalTlv, tlv } from "./tlv";
import type { KhqrInput } from "./types";
import { utf8Buffer, writeUtf8 } from "./utf8";
import { validateKhqrInput, type ValidKhqr } from "./validate";

const CRC_DIGITS = 4;
const PAYLOAD_FORMAT_TLV = tlv(TAG.payloadFormat, PAYLOAD_FORMAT);
const STATIC_TLV = tlv(TAG.pointOfInitiation, POINT_OF_INITIATION.static);
const DYNAMIC_TLV = tlv(TAG.pointOfInitiation, POINT_OF_INITIATION.dynamic);
const COUNTRY_TLV = tlv(TAG.country, COUNTRY_CODE);

function optionalTemplate(tag: string, content: string): string {
  return content === "" ? "" : tlv(tag, content);
}

/** Everything before the CRC, in the SDK's order: 00 01 29|30 52 53 [54] 58 59 60 [62] [64] [99] 6304. */
function payloadWithCrcHeader(khqr: ValidKhqr): string {
  const account =
    tlv(ACCOUNT_SUBTAG.accountId, khqr.bakongAccountId) +
    optionalTlv(ACCOUNT_SUBTAG.accountInformationOrMerchantId, khqr.accountSub01) +
    optionalTlv(ACCOUNT_SUBTAG.acquiringBank, khqr.acquiringBank);
  const additionalData =
    optionalTlv(ADDITIONAL_DATA_SUBTAG.billNumber, khqr.billNumber) +
    optionalTlv(ADDITIONAL_DATA_SUBTAG.mobileNumber, khqr.mobileNumber) +
    optionalTlv(ADDITIONAL_DATA_SUBTAG.storeLabel, khqr.storeLabel) +
    optionalTlv(ADDITIONAL_DATA_SUBTAG.terminalLabel, khqr.terminalLabel) +
    optionalTlv(ADDITIONAL_DATA_SUBTAG.purposeOfTransaction, khqr.purposeOfTransaction);
  const language =
    optionalTlv(LANGUAGE_SUBTAG.preference, khqr.languagePreference) +
    optionalTlv(LANGUAGE_SUBTAG.merchantName, khqr.merchantNameAlternateLanguage) +
    optionalTlv(LANGUAGE_SUBTAG.merchantCity, khqr.merchantCityAlternateLanguage);
  const timestamps = khqr.timestamps
    ? tlv(TIMESTAMP_SUBTAG.createdAt, String(khqr.timestamps.createdAtMs)) +
      tlv(TIMESTAMP_SUBTAG.expiresAt, String(khqr.timestamps.expiresAtMs))
    : "";

  return (
    PAYLOAD_FORMAT_TLV +
    (khqr.timestamps ? DYNAMIC_TLV : STATIC_TLV) +
    tlv(khqr.accountType === "merchant" ? TAG.merchantAccount : TAG.individualAccount, account) +
    tlv(TAG.merchantCategoryCode, khqr.merchantCategoryCode) +
    tlv(TAG.currency, CURRENCY_CODE[khqr.currency]) +
    optionalTlv(TAG.amount, khqr.amount) +
    COUNTRY_TLV +
    tlv(TAG.merchantName, khqr.merchantName) +
    tlv(TAG.merchantCity, khqr.merchantCity) +
    optionalTemplate(TAG.additionalData, additionalData) +
    optionalTemplate(TAG.language, language) +
    optionalTemplate(TAG.timestamps, timestamps) +
    CRC_HEADER
  );
}

/**
 * Builds the KHQR string the official SDK would build for the same input (with its clock at
 * createdAtMs), and the MD5 Bakong indexes the payment under. Throws KhqrFieldError before building
 * anything if any input breaks a rule.
 */
export function encodeKhqr(input: KhqrInput): { qr: string; md5: string; dynamic: boolean } {
  const khqr = validateKhqrInput(input);
  const payload = payloadWithCrcHeader(khqr);
  // One UTF-8 pass feeds both hashes: CRC over the payload, then its 4 digits appended for the MD5.
  const length = writeUtf8(payload, CRC_DIGITS + MD5_TAIL_ROOM);
  const bytes = utf8Buffer();
  const crc = crcToHex(crc16OfBytes(bytes, length));
  // Stryker disable next-line EqualityOperator: equivalent, a fifth byte (NaN, written as 0) lands where the MD5 padding then writes 0x80
  for (let index = 0; index < CRC_DIGITS; index++) bytes[length + index] = crc.charCodeAt(index);
  return { qr: payload + crc, md5: md5OfBytes(bytes, length + CRC_DIGITS), dynamic: khqr.timestamps !== undefined };
}
