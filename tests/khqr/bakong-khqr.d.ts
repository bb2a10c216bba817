// The official NBC SDK ships no types; only the parts the tests and bench use as an oracle.
declare module "bakong-khqr" {
  type OptionalInfo = {
    currency?: number;
    amount?: number | string;
    accountInformation?: string;
    acquiringBank?: string;
    billNumber?: string;
    mobileNumber?: string;
    storeLabel?: string;
    terminalLabel?: string;
    purposeOfTransaction?: string;
    languagePreference?: string;
    merchantNameAlternateLanguage?: string;
    merchantCityAlternateLanguage?: string;
    merchantCategoryCode?: string;
    expirationTimestamp?: number;
  };

  type Response<T> = { status: { code: 0 | 1; errorCode: number | null; message: string | null }; data: T | null };

  export class IndividualInfo {
    constructor(bakongAccountID: string, merchantName: string, merchantCity: string | undefined, optional?: OptionalInfo);
  }

  export class MerchantInfo extends IndividualInfo {
    constructor(
      bakongAccountID: string,
      merchantName: string,
      merchantCity: string | undefined,
      merchantID: string | undefined,
      acquiringBank: string | undefined,
      optional?: OptionalInfo,
    );
  }

  export class BakongKHQR {
    generateIndividual(info: IndividualInfo): Response<{ qr: string; md5: string }>;
    generateMerchant(info: MerchantInfo): Response<{ qr: string; md5: string }>;
    static verify(qr: string): { isValid: boolean };
  }

  export const khqrData: { currency: { usd: 840; khr: 116 } };
}
