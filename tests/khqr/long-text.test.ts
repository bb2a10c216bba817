import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { crc16, md5Hex } from "@/lib/khqr";
import { referenceCrc16 } from "./helpers";

// The codec encodes every text into one shared buffer (2,048 bytes until a text needs more) with room after it
// for the MD5 padding. These run first in their file, so the buffer starts at its first size.
const md5 = (text: string) => createHash("md5").update(text, "utf8").digest("hex");

describe("hashing texts longer than the codec's first buffer", () => {
  it("hashes a Khmer text whose UTF-8 nearly fills the first buffer, leaving too little room for the padding", () => {
    // 682 Khmer letters are 2,046 UTF-8 bytes; the MD5 padding then runs to byte 2,112.
    const text = "ក".repeat(682);
    expect(Buffer.byteLength(text)).toBe(2046);
    expect(md5Hex(text)).toBe(md5(text));
  });

  it("hashes and checksums texts of up to 100,000 characters", () => {
    for (const text of ["k".repeat(5_000), "ស្មីន".repeat(20_000)]) {
      expect(md5Hex(text)).toBe(md5(text));
      expect(crc16(text)).toBe(referenceCrc16(text));
    }
  });
});
