/** The currencies KHQR carries (tag 53: 840 and 116). */
export const KHQR_CURRENCIES = ["USD", "KHR"] as const;
export type KhqrCurrency = (typeof KHQR_CURRENCIES)[number];

/** The optional additional-data (tag 62) and language (tag 64) fields, the same on the way in and out. */
export type KhqrOptionalFields = {
  billNumber?: string;
  mobileNumber?: string;
  storeLabel?: string;
  terminalLabel?: string;
  purposeOfTransaction?: string;
  languagePreference?: string;
  merchantNameAlternateLanguage?: string;
  merchantCityAlternateLanguage?: string;
};

export type KhqrInput = KhqrOptionalFields & {
  /** "individual" writes tag 29, "merchant" writes tag 30. */
  type: "individual" | "merchant";
  /** Bakong account id, name@bank. */
  bakongAccountId: string;
  merchantName: string;
  /** Defaults to "Phnom Penh" when undefined or "". */
  merchantCity?: string;
  /** Tag 29 sub 01: individual accounts only. */
  accountInformation?: string;
  /** Optional for individual accounts, required for merchant accounts. */
  acquiringBank?: string;
  /** Tag 30 sub 01: merchant accounts only, required there. */
  merchantId?: string;
  /** 4 digits, defaults to "5999". */
  merchantCategoryCode?: string;
  currency: KhqrCurrency;
  /** Omitted, "" or zero makes a static QR; otherwise a number or a decimal string such as "1.5" or "100". */
  amount?: number | string;
  /** Dynamic QRs only: creation time written to tag 99, epoch ms; defaults to Date.now(). */
  createdAtMs?: number;
  /** Required for dynamic QRs: 13-digit epoch ms after createdAtMs. Static QRs carry no timestamps. */
  expiresAtMs?: number;
};

export type DecodedKhqr = KhqrOptionalFields & {
  payloadFormat: string;
  pointOfInitiation: "static" | "dynamic";
  type: "individual" | "merchant";
  bakongAccountId: string;
  merchantId?: string;
  acquiringBank?: string;
  accountInformation?: string;
  merchantCategoryCode: string;
  currency: KhqrCurrency;
  /** Exactly as written in tag 54. */
  amount?: string;
  merchantName: string;
  merchantCity: string;
  createdAtMs?: number;
  expiresAtMs?: number;
  crc: string;
};

export type KhqrVerification = { valid: true; decoded: DecodedKhqr } | { valid: false; reason: string };
