import { formatKhqrAmount, KhqrFieldError } from "@/lib/khqr";
import { AppError } from "@/lib/errors";
import type { Currency } from "@/lib/config/enums";

/**
 * The amount exactly as it is written into tag 54 ("1.50", "100"), or null for a static QR.
 * Rules (USD ≤ 2 decimals, KHR whole, ≤ 13 characters) are KHQR's, so lib/khqr decides them.
 */
export function normalizeAmount(amount: number | string | undefined, currency: Currency): string | null {
  if (amount === undefined || Number(amount) === 0) return null;
  try {
    return formatKhqrAmount(amount, currency);
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: equivalent, formatKhqrAmount throws nothing but KhqrFieldError for a number or string; rethrowing the rest only guards a future change
    if (error instanceof KhqrFieldError) throw new AppError("invalid_input", error.message);
    throw error;
  }
}

/** Integer minor units (cents for USD, riel for KHR) of a decimal string or a Bakong float, for exact comparison. */
export function toMinorUnits(amount: string | number, currency: Currency): number {
  const scale = currency === "USD" ? 100 : 1;
  return Math.round(Number(amount) * scale);
}

/** JSON number for API responses; the stored value is an exact decimal. */
export function amountForResponse(stored: string | null): number | null {
  return stored === null ? null : Number(stored);
}

/** A Bakong float amount as the exact decimal string a numeric(16, 2) column stores ("7.50", "4000.00"). */
export function storedAmount(amount: number, currency: Currency): string {
  const scale = currency === "USD" ? 100 : 1;
  return (toMinorUnits(amount, currency) / scale).toFixed(2);
}
