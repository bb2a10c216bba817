/** EMVCo / KHQR tag ids, top level and inside the templates. */
export const TAG = {
  payloadFormat: "00",
  pointOfInitiation: "01",
  individualAccount: "29",
  merchantAccount: "30",
  merchantCategoryCode: "52",
  currency: "53",
  amount: "54",
  country: "58",
  merchantName: "59",
  merchantCity: "60",
  additionalData: "62",
  crc: "63",
  language: "64",
  timestamps: "99",
} as const;

export const ACCOUNT_SUBTAG = { accountId: "00", accountInformationOrMerchantId: "01", acquiringBank: "02" } as const;

export const ADDITIONAL_DATA_SUBTAG = {
  billNumber: "01",
  mobileNumber: "02",
  storeLabel: "03",
  terminalLabel: "07",
  purposeOfTransaction: "08",
} as const;

export const LANGUAGE_SUBTAG = { preference: "00", merchantName: "01", merchantCity: "02" } as const;

export const TIMESTAMP_SUBTAG = { createdAt: "00", expiresAt: "01" } as const;

export const PAYLOAD_FORMAT = "01";
export const POINT_OF_INITIATION = { static: "11", dynamic: "12" } as const;
export const CURRENCY_CODE = { USD: "840", KHR: "116" } as const;
export const COUNTRY_CODE = "KH";
export const DEFAULT_MERCHANT_CITY = "Phnom Penh";
export const DEFAULT_MERCHANT_CATEGORY_CODE = "5999";
/** The CRC tag and its fixed length: the CRC covers these four characters too. */
export const CRC_HEADER = "6304";
