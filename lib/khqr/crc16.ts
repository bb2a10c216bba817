import { HEX_UPPER } from "./hex";
import { utf8Buffer, writeUtf8 } from "./utf8";

const POLYNOMIAL = 0x1021;
const INITIAL = 0xffff;

/** BYTE[b]: the CRC register after feeding byte b through an all-zero register. */
const BYTE = new Uint16Array(256);
for (let byte = 0; byte < 256; byte++) {
  let crc = byte << 8;
  for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? (crc << 1) ^ POLYNOMIAL : crc << 1;
  BYTE[byte] = crc & 0xffff;
}

/**
 * PAIR[u]: the effect of the first of two bytes on the register after both. The table is linear over
 * XOR (BYTE[x ^ y] = BYTE[x] ^ BYTE[y]), so two bytes fold into two independent lookups and the loop
 * runs half as many times.
 */
const PAIR = new Uint16Array(256);
for (let high = 0; high < 256; high++) PAIR[high] = ((BYTE[high]! << 8) & 0xffff) ^ BYTE[BYTE[high]! >>> 8]!;

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR) of bytes[0, length). */
export function crc16OfBytes(bytes: Uint8Array, length: number): number {
  let crc = INITIAL;
  let index = 0;
  for (const lastPair = length - 1; index < lastPair; index += 2) {
    crc = PAIR[(crc >>> 8) ^ bytes[index]!]! ^ BYTE[(crc & 0xff) ^ bytes[index + 1]!]!;
  }
  if (index < length) crc = (BYTE[(crc >>> 8) ^ bytes[index]!]! ^ (crc << 8)) & 0xffff;
  return crc;
}

/** Four uppercase hex digits, zero padded. */
export function crcToHex(crc: number): string {
  return HEX_UPPER[crc >>> 8]! + HEX_UPPER[crc & 0xff]!;
}

/** CRC-16/CCITT-FALSE over the UTF-8 bytes of `input`, as 4 uppercase hex digits. */
export function crc16(input: string): string {
  const length = writeUtf8(input, 0);
  return crcToHex(crc16OfBytes(utf8Buffer(), length));
}
