const SMALLEST_13_DIGITS = 1_000_000_000_000;
const LARGEST_13_DIGITS = 9_999_999_999_999;

/** Epoch milliseconds written with exactly 13 digits, as KHQR tag 99 requires (10 digits would be seconds). */
export function isThirteenDigitEpochMs(value: unknown): value is number {
  // Stryker disable next-line ConditionalExpression: equivalent for the typeof (there for TypeScript): Number.isInteger is false for anything but a number; the bounds are tested
  return typeof value === "number" && Number.isInteger(value) && value >= SMALLEST_13_DIGITS && value <= LARGEST_13_DIGITS;
}
