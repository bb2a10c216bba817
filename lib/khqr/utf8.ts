const encoder = new TextEncoder();
/** UTF-16 code units never take more than 3 UTF-8 bytes each (a surrogate pair: 2 units, 4 bytes). */
const MAX_UTF8_BYTES_PER_UNIT = 3;

// One buffer reused by every hash: encoding a QR must not allocate per call.
let buffer = new Uint8Array(2048);

/** The buffer the last writeUtf8 filled; valid until the next call. */
export function utf8Buffer(): Uint8Array {
  return buffer;
}

/**
 * Writes `text` as UTF-8 at the start of the shared buffer, keeping at least `tailRoom` spare bytes
 * after it for the caller (CRC digits, MD5 padding), and returns the number of bytes written.
 * Lone surrogates become U+FFFD, as in Node's Buffer.from.
 */
export function writeUtf8(text: string, tailRoom: number): number {
  const worstCase = text.length * MAX_UTF8_BYTES_PER_UNIT + tailRoom;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: growing also when not needed only costs speed (never growing is killed by tests/khqr/long-text.test.ts)
  if (buffer.length < worstCase) buffer = new Uint8Array(worstCase * 2);
  return encoder.encodeInto(text, buffer).written;
}
