const DIGITS_LOWER = "0123456789abcdef";
const DIGITS_UPPER = "0123456789ABCDEF";

function byteTable(digits: string): readonly string[] {
  return Array.from({ length: 256 }, (_, byte) => digits.charAt(byte >>> 4) + digits.charAt(byte & 0x0f));
}

/** Two hex digits per byte value, so hashing never formats numbers one digit at a time. */
export const HEX_LOWER: readonly string[] = byteTable(DIGITS_LOWER);
export const HEX_UPPER: readonly string[] = byteTable(DIGITS_UPPER);
