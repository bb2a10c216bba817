import { KhqrFieldError } from "./errors";
import { KHQR_LIMITS } from "./limits";
import type { KhqrCurrency } from "./types";

const USD_MAX_DECIMALS = 2;
// No sign, no exponent, no leading zeros, no bare "." — what String(number) gives for sane amounts.
const DECIMAL = /^(0|[1-9]\d*)(?:\.(\d+))?$/;
const ZERO_FRACTION = /^0*$/;

function decimalText(amount: unknown): string {
  if (typeof amount === "string") return amount;
  if (typeof amount !== "number") throw new KhqrFieldError("amount", "amount must be a number or a decimal string");
  if (!Number.isFinite(amount)) throw new KhqrFieldError("amount", "amount must be a finite number");
  // The shortest round-trip form: 1.005 stays "1.005" (3 decimals, rejected) instead of being rounded.
  return String(amount);
}

export function isKhqrCurrency(currency: unknown): currency is KhqrCurrency {
  return currency === "USD" || currency === "KHR";
}

/**
 * The amount exactly as the official SDK writes tag 54. USD: an integer stays as written ("100"),
 * anything with a decimal point gets exactly 2 decimals ("1.5" → "1.50", "100.0" → "100.00"), more
 * than 2 decimals is an error. KHR: a whole number, written without fraction ("100.00" → "100").
 * The value is read as text, never through float arithmetic.
 */
export function formatKhqrAmount(amount: number | string, currency: KhqrCurrency): string {
  if (!isKhqrCurrency(currency)) throw new KhqrFieldError("currency", 'currency must be "USD" or "KHR"');
  const text = decimalText(amount);
  if (text.startsWith("-")) throw new KhqrFieldError("amount", "amount must not be negative");
  const match = DECIMAL.exec(text);
  if (!match) throw new KhqrFieldError("amount", 'amount must be a plain decimal number such as "100" or "1.50"');
  const integer = match[1]!;
  const fraction = match[2];

  let formatted: string;
  if (currency === "KHR") {
    if (fraction !== undefined && !ZERO_FRACTION.test(fraction)) {
      throw new KhqrFieldError("amount", "amount in KHR must be a whole number of riel");
    }
    formatted = integer;
  } else {
    if (fraction !== undefined && fraction.length > USD_MAX_DECIMALS) {
      throw new KhqrFieldError("amount", "amount in USD must have at most 2 decimal places");
    }
    formatted = fraction === undefined ? integer : `${integer}.${fraction.padEnd(USD_MAX_DECIMALS, "0")}`;
  }
  if (formatted.length > KHQR_LIMITS.amountChars) {
    throw new KhqrFieldError("amount", `amount must be at most ${KHQR_LIMITS.amountChars} characters as written in the QR`);
  }
  return formatted;
}

/** Whether a formatted amount is zero, which the SDK turns into a static QR. */
export function isZeroAmount(formatted: string): boolean {
  return formatted === "0" || formatted === "0.00";
}
