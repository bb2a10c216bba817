import { HEX_LOWER } from "./hex";
import { utf8Buffer, writeUtf8 } from "./utf8";

/** Padding appends 0x80, zeros, and the 64-bit bit length: at most 72 bytes past the message. */
export const MD5_TAIL_ROOM = 72;

function word(bytes: Uint8Array, offset: number): number {
  return bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24);
}

const state = new Int32Array(4);

// RFC 1321 written out step by step: 64 calls to round helpers blow V8's inlining budget and
// cost several times the arithmetic itself.
function md5Block(bytes: Uint8Array, offset: number): void {
  const x0 = word(bytes, offset),
    x1 = word(bytes, offset + 4),
    x2 = word(bytes, offset + 8),
    x3 = word(bytes, offset + 12);
  const x4 = word(bytes, offset + 16),
    x5 = word(bytes, offset + 20),
    x6 = word(bytes, offset + 24),
    x7 = word(bytes, offset + 28);
  const x8 = word(bytes, offset + 32),
    x9 = word(bytes, offset + 36),
    x10 = word(bytes, offset + 40),
    x11 = word(bytes, offset + 44);
  const x12 = word(bytes, offset + 48),
    x13 = word(bytes, offset + 52),
    x14 = word(bytes, offset + 56),
    x15 = word(bytes, offset + 60);
  let a = state[0]!,
    b = state[1]!,
    c = state[2]!,
    d = state[3]!;

  // Round 1: F
  a = (a + ((b & c) | (~b & d)) + x0 + 0xd76aa478) | 0;
  a = (((a << 7) | (a >>> 25)) + b) | 0;
  d = (d + ((a & b) | (~a & c)) + x1 + 0xe8c7b756) | 0;
  d = (((d << 12) | (d >>> 20)) + a) | 0;
  c = (c + ((d & a) | (~d & b)) + x2 + 0x242070db) | 0;
  c = (((c << 17) | (c >>> 15)) + d) | 0;
  b = (b + ((c & d) | (~c & a)) + x3 + 0xc1bdceee) | 0;
  b = (((b << 22) | (b >>> 10)) + c) | 0;
  a = (a + ((b & c) | (~b & d)) + x4 + 0xf57c0faf) | 0;
  a = (((a << 7) | (a >>> 25)) + b) | 0;
  d = (d + ((a & b) | (~a & c)) + x5 + 0x4787c62a) | 0;
  d = (((d << 12) | (d >>> 20)) + a) | 0;
  c = (c + ((d & a) | (~d & b)) + x6 + 0xa8304613) | 0;
  c = (((c << 17) | (c >>> 15)) + d) | 0;
  b = (b + ((c & d) | (~c & a)) + x7 + 0xfd469501) | 0;
  b = (((b << 22) | (b >>> 10)) + c) | 0;
  a = (a + ((b & c) | (~b & d)) + x8 + 0x698098d8) | 0;
  a = (((a << 7) | (a >>> 25)) + b) | 0;
  d = (d + ((a & b) | (~a & c)) + x9 + 0x8b44f7af) | 0;
  d = (((d << 12) | (d >>> 20)) + a) | 0;
  c = (c + ((d & a) | (~d & b)) + x10 + 0xffff5bb1) | 0;
  c = (((c << 17) | (c >>> 15)) + d) | 0;
  b = (b + ((c & d) | (~c & a)) + x11 + 0x895cd7be) | 0;
  b = (((b << 22) | (b >>> 10)) + c) | 0;
  a = (a + ((b & c) | (~b & d)) + x12 + 0x6b901122) | 0;
  a = (((a << 7) | (a >>> 25)) + b) | 0;
  d = (d + ((a & b) | (~a & c)) + x13 + 0xfd987193) | 0;
  d = (((d << 12) | (d >>> 20)) + a) | 0;
  c = (c + ((d & a) | (~d & b)) + x14 + 0xa679438e) | 0;
  c = (((c << 17) | (c >>> 15)) + d) | 0;
  b = (b + ((c & d) | (~c & a)) + x15 + 0x49b40821) | 0;
  b = (((b << 22) | (b >>> 10)) + c) | 0;
  // Round 2: G
  a = (a + ((b & d) | (c & ~d)) + x1 + 0xf61e2562) | 0;
  a = (((a << 5) | (a >>> 27)) + b) | 0;
  d = (d + ((a & c) | (b & ~c)) + x6 + 0xc040b340) | 0;
  d = (((d << 9) | (d >>> 23)) + a) | 0;
  c = (c + ((d & b) | (a & ~b)) + x11 + 0x265e5a51) | 0;
  c = (((c << 14) | (c >>> 18)) + d) | 0;
  b = (b + ((c & a) | (d & ~a)) + x0 + 0xe9b6c7aa) | 0;
  b = (((b << 20) | (b >>> 12)) + c) | 0;
  a = (a + ((b & d) | (c & ~d)) + x5 + 0xd62f105d) | 0;
  a = (((a << 5) | (a >>> 27)) + b) | 0;
  d = (d + ((a & c) | (b & ~c)) + x10 + 0x02441453) | 0;
  d = (((d << 9) | (d >>> 23)) + a) | 0;
  c = (c + ((d & b) | (a & ~b)) + x15 + 0xd8a1e681) | 0;
  c = (((c << 14) | (c >>> 18)) + d) | 0;
  b = (b + ((c & a) | (d & ~a)) + x4 + 0xe7d3fbc8) | 0;
  b = (((b << 20) | (b >>> 12)) + c) | 0;
  a = (a + ((b & d) | (c & ~d)) + x9 + 0x21e1cde6) | 0;
  a = (((a << 5) | (a >>> 27)) + b) | 0;
  d = (d + ((a & c) | (b & ~c)) + x14 + 0xc33707d6) | 0;
  d = (((d << 9) | (d >>> 23)) + a) | 0;
  c = (c + ((d & b) | (a & ~b)) + x3 + 0xf4d50d87) | 0;
  c = (((c << 14) | (c >>> 18)) + d) | 0;
  b = (b + ((c & a) | (d & ~a)) + x8 + 0x455a14ed) | 0;
  b = (((b << 20) | (b >>> 12)) + c) | 0;
  a = (a + ((b & d) | (c & ~d)) + x13 + 0xa9e3e905) | 0;
  a = (((a << 5) | (a >>> 27)) + b) | 0;
  d = (d + ((a & c) | (b & ~c)) + x2 + 0xfcefa3f8) | 0;
  d = (((d << 9) | (d >>> 23)) + a) | 0;
  c = (c + ((d & b) | (a & ~b)) + x7 + 0x676f02d9) | 0;
  c = (((c << 14) | (c >>> 18)) + d) | 0;
  b = (b + ((c & a) | (d & ~a)) + x12 + 0x8d2a4c8a) | 0;
  b = (((b << 20) | (b >>> 12)) + c) | 0;
  // Round 3: H
  a = (a + (b ^ c ^ d) + x5 + 0xfffa3942) | 0;
  a = (((a << 4) | (a >>> 28)) + b) | 0;
  d = (d + (a ^ b ^ c) + x8 + 0x8771f681) | 0;
  d = (((d << 11) | (d >>> 21)) + a) | 0;
  c = (c + (d ^ a ^ b) + x11 + 0x6d9d6122) | 0;
  c = (((c << 16) | (c >>> 16)) + d) | 0;
  b = (b + (c ^ d ^ a) + x14 + 0xfde5380c) | 0;
  b = (((b << 23) | (b >>> 9)) + c) | 0;
  a = (a + (b ^ c ^ d) + x1 + 0xa4beea44) | 0;
  a = (((a << 4) | (a >>> 28)) + b) | 0;
  d = (d + (a ^ b ^ c) + x4 + 0x4bdecfa9) | 0;
  d = (((d << 11) | (d >>> 21)) + a) | 0;
  c = (c + (d ^ a ^ b) + x7 + 0xf6bb4b60) | 0;
  c = (((c << 16) | (c >>> 16)) + d) | 0;
  b = (b + (c ^ d ^ a) + x10 + 0xbebfbc70) | 0;
  b = (((b << 23) | (b >>> 9)) + c) | 0;
  a = (a + (b ^ c ^ d) + x13 + 0x289b7ec6) | 0;
  a = (((a << 4) | (a >>> 28)) + b) | 0;
  d = (d + (a ^ b ^ c) + x0 + 0xeaa127fa) | 0;
  d = (((d << 11) | (d >>> 21)) + a) | 0;
  c = (c + (d ^ a ^ b) + x3 + 0xd4ef3085) | 0;
  c = (((c << 16) | (c >>> 16)) + d) | 0;
  b = (b + (c ^ d ^ a) + x6 + 0x04881d05) | 0;
  b = (((b << 23) | (b >>> 9)) + c) | 0;
  a = (a + (b ^ c ^ d) + x9 + 0xd9d4d039) | 0;
  a = (((a << 4) | (a >>> 28)) + b) | 0;
  d = (d + (a ^ b ^ c) + x12 + 0xe6db99e5) | 0;
  d = (((d << 11) | (d >>> 21)) + a) | 0;
  c = (c + (d ^ a ^ b) + x15 + 0x1fa27cf8) | 0;
  c = (((c << 16) | (c >>> 16)) + d) | 0;
  b = (b + (c ^ d ^ a) + x2 + 0xc4ac5665) | 0;
  b = (((b << 23) | (b >>> 9)) + c) | 0;
  // Round 4: I
  a = (a + (c ^ (b | ~d)) + x0 + 0xf4292244) | 0;
  a = (((a << 6) | (a >>> 26)) + b) | 0;
  d = (d + (b ^ (a | ~c)) + x7 + 0x432aff97) | 0;
  d = (((d << 10) | (d >>> 22)) + a) | 0;
  c = (c + (a ^ (d | ~b)) + x14 + 0xab9423a7) | 0;
  c = (((c << 15) | (c >>> 17)) + d) | 0;
  b = (b + (d ^ (c | ~a)) + x5 + 0xfc93a039) | 0;
  b = (((b << 21) | (b >>> 11)) + c) | 0;
  a = (a + (c ^ (b | ~d)) + x12 + 0x655b59c3) | 0;
  a = (((a << 6) | (a >>> 26)) + b) | 0;
  d = (d + (b ^ (a | ~c)) + x3 + 0x8f0ccc92) | 0;
  d = (((d << 10) | (d >>> 22)) + a) | 0;
  c = (c + (a ^ (d | ~b)) + x10 + 0xffeff47d) | 0;
  c = (((c << 15) | (c >>> 17)) + d) | 0;
  b = (b + (d ^ (c | ~a)) + x1 + 0x85845dd1) | 0;
  b = (((b << 21) | (b >>> 11)) + c) | 0;
  a = (a + (c ^ (b | ~d)) + x8 + 0x6fa87e4f) | 0;
  a = (((a << 6) | (a >>> 26)) + b) | 0;
  d = (d + (b ^ (a | ~c)) + x15 + 0xfe2ce6e0) | 0;
  d = (((d << 10) | (d >>> 22)) + a) | 0;
  c = (c + (a ^ (d | ~b)) + x6 + 0xa3014314) | 0;
  c = (((c << 15) | (c >>> 17)) + d) | 0;
  b = (b + (d ^ (c | ~a)) + x13 + 0x4e0811a1) | 0;
  b = (((b << 21) | (b >>> 11)) + c) | 0;
  a = (a + (c ^ (b | ~d)) + x4 + 0xf7537e82) | 0;
  a = (((a << 6) | (a >>> 26)) + b) | 0;
  d = (d + (b ^ (a | ~c)) + x11 + 0xbd3af235) | 0;
  d = (((d << 10) | (d >>> 22)) + a) | 0;
  c = (c + (a ^ (d | ~b)) + x2 + 0x2ad7d2bb) | 0;
  c = (((c << 15) | (c >>> 17)) + d) | 0;
  b = (b + (d ^ (c | ~a)) + x9 + 0xeb86d391) | 0;
  b = (((b << 21) | (b >>> 11)) + c) | 0;

  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
}

/**
 * MD5 of bytes[0, length) as lowercase hex. Pads in place, so `bytes` must have MD5_TAIL_ROOM spare
 * bytes after `length`; their contents are overwritten.
 */
export function md5OfBytes(bytes: Uint8Array, length: number): string {
  const paddedLength = (((length + 8) >>> 6) + 1) << 6;
  bytes[length] = 0x80;
  // Stryker disable next-line ArithmeticOperator: equivalent, zeroing further is overwritten by the length bytes or lies past the padded message
  bytes.fill(0, length + 1, paddedLength - 8);
  const bitLengthLow = length << 3;
  const bitLengthHigh = Math.floor(length / 0x20000000);
  for (let shift = 0; shift < 4; shift++) {
    bytes[paddedLength - 8 + shift] = (bitLengthLow >>> (shift * 8)) & 0xff;
    // Stryker disable next-line ArithmeticOperator: equivalent below 512 MiB of text, where the high word of the bit length is 0 whatever the shift
    bytes[paddedLength - 4 + shift] = (bitLengthHigh >>> (shift * 8)) & 0xff;
  }

  state[0] = 0x67452301;
  state[1] = 0xefcdab89;
  state[2] = 0x98badcfe;
  state[3] = 0x10325476;
  for (let offset = 0; offset < paddedLength; offset += 64) md5Block(bytes, offset);

  let hex = "";
  for (let index = 0; index < 4; index++) {
    const value = state[index]!;
    hex += HEX_LOWER[value & 0xff]! + HEX_LOWER[(value >>> 8) & 0xff]! + HEX_LOWER[(value >>> 16) & 0xff]! + HEX_LOWER[value >>> 24]!;
  }
  return hex;
}

/** MD5 of the UTF-8 bytes of `input`, lowercase hex. */
export function md5Hex(input: string): string {
  const length = writeUtf8(input, MD5_TAIL_ROOM);
  return md5OfBytes(utf8Buffer(), length);
}
