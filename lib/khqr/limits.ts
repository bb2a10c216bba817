/** Maximum lengths in JavaScript string length (UTF-16 code units), as the official SDK counts them. */
export const KHQR_LIMITS = {
  bakongAccountId: 32,
  merchantName: 25,
  merchantCity: 15,
  merchantId: 32,
  acquiringBank: 32,
  accountInformation: 32,
  billNumber: 25,
  mobileNumber: 25,
  storeLabel: 25,
  terminalLabel: 25,
  purposeOfTransaction: 25,
  languagePreference: 2,
  merchantNameAlternateLanguage: 25,
  merchantCityAlternateLanguage: 15,
  amountChars: 13,
} as const;

/** A TLV length is two decimal digits, so no value (template or not) may exceed this. */
export const MAX_TLV_VALUE_LENGTH = 99;
