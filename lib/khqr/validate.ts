import { formatKhqrAmount, isKhqrCurrency, isZeroAmount } from "./amount";
import { KhqrFieldError } from "./errors";
import { KHQR_LIMITS, MAX_TLV_VALUE_LENGTH } from "./limits";
import { DEFAULT_MERCHANT_CATEGORY_CODE, DEFAULT_MERCHANT_CITY } from "./tags";
import { isThirteenDigitEpochMs } from "./timestamp";
import type { KhqrCurrency, KhqrInput, KhqrOptionalFields } from "./types";

type TextField = Exclude<keyof typeof KHQR_LIMITS, "amountChars">;

/** Every value the encoder writes, already checked against every rule. */
export type ValidKhqr = KhqrOptionalFields & {
  accountType: "individual" | "merchant";
  bakongAccountId: string;
  /** Sub 01 of tag 29 (account information) or tag 30 (merchant id). */
  accountSub01?: string;
  acquiringBank?: string;
  merchantCategoryCode: string;
  currency: KhqrCurrency;
  /** Formatted for tag 54; absent for a static QR. */
  amount?: string;
  merchantName: string;
  merchantCity: string;
  /** Present exactly when the QR is dynamic. */
  timestamps?: { createdAtMs: number; expiresAtMs: number };
};

const SUB_TLV_HEADER_LENGTH = 4;
const MERCHANT_CATEGORY_CODE = /^\d{4}$/;

function checkedText(field: TextField, value: unknown, max: number): string {
  if (typeof value !== "string") throw new KhqrFieldError(field, `${field} must be a string`);
  // An unpaired surrogate has no UTF-8 form (the SDK's md5 throws on one).
  if (!value.isWellFormed()) throw new KhqrFieldError(field, `${field} must be well-formed Unicode text`);
  if (value.length > max) throw new KhqrFieldError(field, `${field} must be at most ${max} characters`);
  return value;
}

// Callers pass input.someField and KHQR_LIMITS.someField rather than letting this read input[field]
// and KHQR_LIMITS[field]: keyed reads with varying keys go megamorphic and dominated encoding time.
function optionalText(field: TextField, value: unknown, max: number): string | undefined {
  // The SDK's IndividualInfo/MerchantInfo strip null, undefined and "" from the optional fields before
  // encoding, so an empty optional string means "leave the field out", not an error; doing the same
  // keeps every input the SDK accepts producing the SDK's exact string.
  if (value === undefined || value === null || value === "") return undefined;
  return checkedText(field, value, max);
}

function requiredText(field: TextField, value: unknown, max: number, reason?: string): string {
  const text = optionalText(field, value, max);
  if (text === undefined) throw new KhqrFieldError(field, reason ?? `${field} is required`);
  return text;
}

function forbidden(field: TextField, value: unknown, max: number, reason: string): void {
  if (optionalText(field, value, max) !== undefined) throw new KhqrFieldError(field, reason);
}

/** Characters a template takes: each present value adds a 4-character tag + length header. */
function templateLength(values: readonly (string | undefined)[]): number {
  let length = 0;
  for (const value of values) if (value !== undefined) length += SUB_TLV_HEADER_LENGTH + value.length;
  return length;
}

function checkTemplateFits(field: string, description: string, values: readonly (string | undefined)[]): void {
  const length = templateLength(values);
  if (length > MAX_TLV_VALUE_LENGTH) {
    throw new KhqrFieldError(
      field,
      `${description} together take ${length} characters in the QR, more than the ${MAX_TLV_VALUE_LENGTH} a KHQR template can hold`,
    );
  }
}

function checkedTimestamp(field: "createdAtMs" | "expiresAtMs", value: unknown): number {
  if (!isThirteenDigitEpochMs(value)) throw new KhqrFieldError(field, `${field} must be epoch milliseconds with exactly 13 digits`);
  return value;
}

function dynamicTimestamps(input: KhqrInput): { createdAtMs: number; expiresAtMs: number } {
  const createdAtMs = checkedTimestamp("createdAtMs", input.createdAtMs ?? Date.now());
  if (input.expiresAtMs === undefined)
    throw new KhqrFieldError("expiresAtMs", "expiresAtMs is required for a dynamic QR (one with an amount)");
  const expiresAtMs = checkedTimestamp("expiresAtMs", input.expiresAtMs);
  if (expiresAtMs <= createdAtMs) throw new KhqrFieldError("expiresAtMs", "expiresAtMs must be after createdAtMs");
  return { createdAtMs, expiresAtMs };
}

function accountType(input: KhqrInput): ValidKhqr["accountType"] {
  const type: unknown = input.type;
  if (type !== "individual" && type !== "merchant") throw new KhqrFieldError("type", 'type must be "individual" or "merchant"');
  return type;
}

function bakongAccountId(input: KhqrInput): string {
  const accountId = requiredText("bakongAccountId", input.bakongAccountId, KHQR_LIMITS.bakongAccountId);
  const at = accountId.indexOf("@");
  if (at <= 0 || at === accountId.length - 1 || accountId.includes("@", at + 1)) {
    throw new KhqrFieldError("bakongAccountId", 'bakongAccountId must look like name@bank, with exactly one "@"');
  }
  return accountId;
}

/** Sub 01 is the merchant id in tag 30 and the optional account information in tag 29. */
function accountSub01(input: KhqrInput, type: ValidKhqr["accountType"]): string | undefined {
  if (type === "merchant") {
    forbidden(
      "accountInformation",
      input.accountInformation,
      KHQR_LIMITS.accountInformation,
      "accountInformation is only written for individual accounts",
    );
    return requiredText("merchantId", input.merchantId, KHQR_LIMITS.merchantId, "merchantId is required for a merchant account");
  }
  forbidden("merchantId", input.merchantId, KHQR_LIMITS.merchantId, "merchantId is only written for merchant accounts");
  return optionalText("accountInformation", input.accountInformation, KHQR_LIMITS.accountInformation);
}

function checkLanguageTemplate(preference: string | undefined, name: string | undefined, city: string | undefined): void {
  if (preference === undefined && name === undefined && city === undefined) return;
  // EMVCo makes sub 00 and 01 mandatory in tag 64; the SDK crashes or writes a template without them.
  if (preference === undefined) {
    throw new KhqrFieldError("languagePreference", "languagePreference is required when an alternate-language name or city is given");
  }
  if (name === undefined) {
    throw new KhqrFieldError("merchantNameAlternateLanguage", "merchantNameAlternateLanguage is required when languagePreference is given");
  }
}

function merchantCategoryCode(input: KhqrInput): string {
  const value: unknown = input.merchantCategoryCode;
  // The SDK drops an empty code like any other empty optional and falls back to its default.
  if (value === undefined || value === null || value === "") return DEFAULT_MERCHANT_CATEGORY_CODE;
  if (typeof value !== "string" || !MERCHANT_CATEGORY_CODE.test(value)) {
    throw new KhqrFieldError("merchantCategoryCode", "merchantCategoryCode must be exactly 4 digits");
  }
  return value;
}

function formattedAmount(input: KhqrInput, currency: KhqrCurrency): string | undefined {
  const amount: unknown = input.amount;
  // As with the text fields, the SDK drops a null or "" amount, and treats zero as "no amount".
  if (amount === undefined || amount === null || amount === "") return undefined;
  const formatted = formatKhqrAmount(amount as number | string, currency);
  return isZeroAmount(formatted) ? undefined : formatted;
}

/**
 * Checks every rule and returns the values to write; throws KhqrFieldError naming the first bad field.
 * Builds its result in one literal: spreading partial objects cost more than all the checks together.
 */
export function validateKhqrInput(input: KhqrInput): ValidKhqr {
  const currency: unknown = input.currency;
  if (!isKhqrCurrency(currency)) throw new KhqrFieldError("currency", 'currency must be "USD" or "KHR"');
  const amount = formattedAmount(input, currency);
  const type = accountType(input);
  const accountId = bakongAccountId(input);
  const sub01 = accountSub01(input, type);
  const acquiringBank =
    type === "merchant"
      ? requiredText("acquiringBank", input.acquiringBank, KHQR_LIMITS.acquiringBank, "acquiringBank is required for a merchant account")
      : optionalText("acquiringBank", input.acquiringBank, KHQR_LIMITS.acquiringBank);
  checkTemplateFits("merchantAccountInformation", "bakongAccountId, merchantId or accountInformation, and acquiringBank", [
    accountId,
    sub01,
    acquiringBank,
  ]);

  const billNumber = optionalText("billNumber", input.billNumber, KHQR_LIMITS.billNumber);
  const mobileNumber = optionalText("mobileNumber", input.mobileNumber, KHQR_LIMITS.mobileNumber);
  const storeLabel = optionalText("storeLabel", input.storeLabel, KHQR_LIMITS.storeLabel);
  const terminalLabel = optionalText("terminalLabel", input.terminalLabel, KHQR_LIMITS.terminalLabel);
  const purposeOfTransaction = optionalText("purposeOfTransaction", input.purposeOfTransaction, KHQR_LIMITS.purposeOfTransaction);
  checkTemplateFits("additionalData", "billNumber, mobileNumber, storeLabel, terminalLabel and purposeOfTransaction", [
    billNumber,
    mobileNumber,
    storeLabel,
    terminalLabel,
    purposeOfTransaction,
  ]);

  const languagePreference = optionalText("languagePreference", input.languagePreference, KHQR_LIMITS.languagePreference);
  const merchantNameAlternateLanguage = optionalText(
    "merchantNameAlternateLanguage",
    input.merchantNameAlternateLanguage,
    KHQR_LIMITS.merchantNameAlternateLanguage,
  );
  const merchantCityAlternateLanguage = optionalText(
    "merchantCityAlternateLanguage",
    input.merchantCityAlternateLanguage,
    KHQR_LIMITS.merchantCityAlternateLanguage,
  );
  checkLanguageTemplate(languagePreference, merchantNameAlternateLanguage, merchantCityAlternateLanguage);

  return {
    accountType: type,
    bakongAccountId: accountId,
    accountSub01: sub01,
    acquiringBank,
    merchantCategoryCode: merchantCategoryCode(input),
    currency,
    amount,
    merchantName: requiredText("merchantName", input.merchantName, KHQR_LIMITS.merchantName),
    merchantCity: optionalText("merchantCity", input.merchantCity, KHQR_LIMITS.merchantCity) ?? DEFAULT_MERCHANT_CITY,
    billNumber,
    mobileNumber,
    storeLabel,
    terminalLabel,
    purposeOfTransaction,
    languagePreference,
    merchantNameAlternateLanguage,
    merchantCityAlternateLanguage,
    timestamps: amount === undefined ? undefined : dynamicTimestamps(input),
  };
}
