import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crc16, md5Hex } from "@/lib/khqr";
import { loadVectors, referenceCrc16 } from "./helpers";

const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom("a", "6", "@", " "),
    fc.integer({ min: 0x1780, max: 0x17ff }).map((code) => String.fromCharCode(code)),
    fc.constant("😀"),
  ),
  maxLength: 300,
});

describe("crc16", () => {
  it("gives the CRC-16/CCITT-FALSE check value", () => {
    expect(crc16("123456789")).toBe("29B1");
  });

  it("is FFFF for nothing", () => {
    expect(crc16("")).toBe("FFFF");
  });

  it("zero pads CRCs below 0x1000", () => {
    expect(crc16("KHQR3")).toBe("00D7");
    expect(crc16("KHQR615")).toBe("0038");
    const vectorD = loadVectors().vectors.find((vector) => vector.id === "D")!;
    expect(vectorD.qr.slice(-4)).toBe("0BC3");
    expect(crc16(vectorD.qr.slice(0, -4))).toBe("0BC3");
  });

  it("runs over UTF-8 bytes, not UTF-16 code units", () => {
    expect(crc16("ភ្នំពេញ")).toBe(referenceCrc16("ភ្នំពេញ"));
    expect(crc16("😀")).toBe(referenceCrc16("😀"));
  });

  it("matches the bitwise definition on any text", () => {
    fc.assert(
      fc.property(text, (input) => crc16(input) === referenceCrc16(input)),
      { numRuns: 500 },
    );
  });
});

describe("md5Hex", () => {
  it.each([
    ["", "d41d8cd98f00b204e9800998ecf8427e"],
    ["a", "0cc175b9c0f1b6a831c399e269772661"],
    ["abc", "900150983cd24fb0d6963f7d28e17f72"],
    ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
    ["abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"],
    ["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"],
    ["12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"],
  ])("RFC 1321 test suite: MD5(%j)", (input, digest) => {
    expect(md5Hex(input)).toBe(digest);
  });

  it("hashes UTF-8 bytes", () => {
    expect(md5Hex("ចន ស្មីន")).toBe(createHash("md5").update("ចន ស្មីន", "utf8").digest("hex"));
  });

  it("pads correctly at every length around the 64-byte block edges", () => {
    for (let length = 0; length <= 200; length++) {
      const input = "k".repeat(length);
      expect(md5Hex(input), `length ${length}`).toBe(createHash("md5").update(input).digest("hex"));
    }
  });

  it("matches node:crypto on any text, long ones included", () => {
    fc.assert(
      fc.property(
        fc.oneof(text, fc.string({ minLength: 1000, maxLength: 5000 })),
        (input) => md5Hex(input) === createHash("md5").update(input, "utf8").digest("hex"),
      ),
      { numRuns: 500 },
    );
  });
});
