import { readFileSync } from "node:fs";
import path from "node:path";
import { BakongKHQR, IndividualInfo, khqrData, MerchantInfo } from "bakong-khqr";
import { crc16, type DecodedKhqr, type KhqrInput } from "@/lib/khqr";

export const CREATED = 1_764_288_000_000;
export const EXPIRES = CREATED + 900_000;

/** A dynamic individual KHQR and its merchant twin, for tests that vary one field. */
export const individual: KhqrInput = {
  type: "individual",
  bakongAccountId: "jonhsmith@nbcq",
  merchantName: "Jonh Smith",
  currency: "USD",
  amount: "1.50",
  createdAtMs: CREATED,
  expiresAtMs: EXPIRES,
};
export const merchant: KhqrInput = { ...individual, type: "merchant", merchantId: "123456", acquiringBank: "Dev Bank" };

export type KhqrVector = { id: string; name: string; input: KhqrInput; qr: string; md5: string };

/**
 * CI runs from a clone with shared/ beside the project. Mutation testing runs the tests from a copy of the
 * project in .stryker-tmp/, so it names the folder in SHARED_DIR.
 */
export function loadVectors(): { createdAtMs: number; vectors: KhqrVector[] } {
  const file = path.resolve(process.env.SHARED_DIR ?? path.resolve(process.cwd(), "../shared"), "reference/khqr-vectors.json");
  return JSON.parse(readFileSync(file, "utf8")) as { createdAtMs: number; vectors: KhqrVector[] };
}

export function tlv(tag: string, value: string): string {
  return tag + String(value.length).padStart(2, "0") + value;
}

/** Appends a correct CRC, so tests can build structurally bad strings that pass the CRC check. */
export function withCrc(payload: string): string {
  return payload + "6304" + crc16(payload + "6304");
}

/** The payload of a QR without its `6304XXXX`. */
export function withoutCrc(qr: string): string {
  return qr.slice(0, -8);
}

const sdk = new BakongKHQR();

/** The official SDK's string and md5 for the same input; its clock must be frozen at createdAtMs. */
export function encodeWithSdk(input: KhqrInput): { qr: string; md5: string } {
  const optional = {
    currency: input.currency === "USD" ? khqrData.currency.usd : khqrData.currency.khr,
    amount: input.amount,
    accountInformation: input.accountInformation,
    acquiringBank: input.acquiringBank,
    billNumber: input.billNumber,
    mobileNumber: input.mobileNumber,
    storeLabel: input.storeLabel,
    terminalLabel: input.terminalLabel,
    purposeOfTransaction: input.purposeOfTransaction,
    languagePreference: input.languagePreference,
    merchantNameAlternateLanguage: input.merchantNameAlternateLanguage,
    merchantCityAlternateLanguage: input.merchantCityAlternateLanguage,
    merchantCategoryCode: input.merchantCategoryCode,
    expirationTimestamp: input.expiresAtMs,
  };
  const response =
    input.type === "merchant"
      ? sdk.generateMerchant(
          new MerchantInfo(input.bakongAccountId, input.merchantName, input.merchantCity, input.merchantId, input.acquiringBank, optional),
        )
      : sdk.generateIndividual(new IndividualInfo(input.bakongAccountId, input.merchantName, input.merchantCity, optional));
  if (response.status.code !== 0 || !response.data) throw new Error(`SDK rejected the input: ${response.status.message}`);
  return response.data;
}

/** The encoder input that reproduces a decoded QR. */
export function inputFromDecoded(decoded: DecodedKhqr): KhqrInput {
  const input: KhqrInput & Partial<Pick<DecodedKhqr, "payloadFormat" | "pointOfInitiation" | "crc">> = { ...decoded };
  delete input.payloadFormat;
  delete input.pointOfInitiation;
  delete input.crc;
  return input;
}

/** Bit by bit, straight from the definition, to check the table-driven version. */
export function referenceCrc16(input: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(input, "utf8")) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}
