import { BakongKHQR } from "bakong-khqr";
import { describe, expect, it } from "vitest";
import { decodeKhqr, encodeKhqr, KhqrDecodeError, verifyKhqr, type KhqrInput } from "@/lib/khqr";
import { loadVectors, tlv, withCrc, withoutCrc } from "./helpers";

const { createdAtMs, vectors } = loadVectors();
const vector = (id: string) => vectors.find((candidate) => candidate.id === id)!;
const dynamicUsd = vector("D").qr; // ...5802KH5910Jonh Smith6010Phnom Penh9934<timestamps>6304....
const merchantFull = vector("G").qr;

const HEADER =
  "000201010212" +
  tlv("29", tlv("00", "jonhsmith@nbcq")) +
  "52045999" +
  "5303840" +
  tlv("54", "1.50") +
  "5802KH" +
  tlv("59", "Jonh Smith") +
  tlv("60", "Phnom Penh");
const timestamps = (created: string, expires: string) => tlv("99", tlv("00", created) + tlv("01", expires));

function decodeError(qr: string): string {
  try {
    decodeKhqr(qr);
  } catch (error) {
    if (error instanceof KhqrDecodeError) return error.message;
    throw error;
  }
  throw new Error(`decoded ${qr}`);
}

describe("decodeKhqr rejects", () => {
  it("a second amount appended with a recomputed CRC, which the SDK's verify accepts", () => {
    const smuggled = withCrc(withoutCrc(dynamicUsd) + tlv("54", "0.01"));
    expect(BakongKHQR.verify(smuggled).isValid).toBe(true);
    expect(decodeError(smuggled)).toBe("KHQR: duplicate tag 54");
    expect(verifyKhqr(smuggled, createdAtMs)).toEqual({ valid: false, reason: "KHQR: duplicate tag 54" });
  });

  it("a second account template appended with a recomputed CRC", () => {
    const smuggled = withCrc(withoutCrc(dynamicUsd) + tlv("29", tlv("00", "thief@nbcq")));
    expect(decodeError(smuggled)).toBe("KHQR: duplicate tag 29");
  });

  it("a repeated tag inside a template", () => {
    const twoBills = withCrc(
      HEADER + tlv("62", tlv("01", "INV-1") + tlv("01", "INV-2")) + timestamps(String(createdAtMs), "9999999999999"),
    );
    expect(decodeError(twoBills)).toBe("tag 62: duplicate tag 01");
  });

  it("both an individual and a merchant account", () => {
    const both = withCrc(
      HEADER + tlv("30", tlv("00", "a@b") + tlv("01", "1") + tlv("02", "B")) + timestamps(String(createdAtMs), "9999999999999"),
    );
    expect(decodeError(both)).toMatch(/exactly one account template/);
  });

  it("a wrong CRC", () => {
    const wrong = dynamicUsd.slice(0, -4) + "0BC4";
    expect(decodeError(wrong)).toBe("CRC mismatch: the string says 0BC4, its content gives 0BC3");
  });

  it("a changed amount under the old CRC", () => {
    expect(decodeError(dynamicUsd.replace("54041.50", "54041.05"))).toMatch(/^CRC mismatch/);
  });

  it("a length running past the end of the string", () => {
    // Tag 60 claims 15 characters: it swallows "Phnom Penh" and the start of the CRC tag.
    const overrun = withCrc(HEADER.replace(tlv("60", "Phnom Penh"), "6015Phnom Penh"));
    expect(decodeError(overrun)).toMatch(/^KHQR: (tag \d\d declares|truncated)/);
  });

  it("a string cut short", () => {
    expect(decodeError(dynamicUsd.slice(0, -3))).toMatch(/^KHQR: (tag \d\d declares|truncated)/);
    expect(decodeError(dynamicUsd.slice(0, 30))).toMatch(/^KHQR: tag 29 declares 18 characters but only 14 remain$/);
  });

  it("a template whose inner TLV is truncated", () => {
    const broken = withCrc(HEADER + tlv("62", "0110INV") + timestamps(String(createdAtMs), "9999999999999"));
    expect(decodeError(broken)).toBe("tag 62: tag 01 declares 10 characters but only 3 remain");
  });

  it("a tag or length that is not digits", () => {
    expect(decodeError(withCrc("0000" + HEADER.slice(6)))).toBe("KHQR: tag 00 has an empty value");
    expect(decodeError(withCrc("AB02" + HEADER.slice(4)))).toBe('KHQR: tag "AB" at position 0 is not two digits');
    expect(decodeError(withCrc("00x2" + HEADER.slice(4)))).toBe("KHQR: tag 00 has a length that is not two digits");
  });

  it("content after the CRC, or no CRC at all", () => {
    expect(decodeError(dynamicUsd + "0202AB")).toMatch(/must end with the CRC/);
    expect(decodeError(withoutCrc(dynamicUsd))).toMatch(/must end with the CRC/);
  });

  it("a missing required tag", () => {
    expect(decodeError(withCrc(HEADER.replace(tlv("59", "Jonh Smith"), "")))).toBe("KHQR: required tag 59 is missing");
    expect(decodeError(withCrc(HEADER.replace("5303840", "")))).toBe("KHQR: required tag 53 is missing");
  });

  it("a currency other than KHR or USD", () => {
    expect(decodeError(withCrc(HEADER.replace("5303840", "5303978")))).toMatch(/^tag 53: currency must be/);
  });

  it("a merchant template without a merchant id", () => {
    const merchant = withCrc(
      withoutCrc(vector("F").qr).replace("30400014jonhsmith@devb01061234560208Dev Bank", "30300014jonhsmith@devb0208Dev Bank"),
    );
    expect(decodeError(merchant)).toBe("tag 30: required tag 01 is missing");
  });

  it("something that is not a string", () => {
    expect(decodeError(42 as unknown as string)).toBe("KHQR must be a string");
  });
});

describe("decodeKhqr accepts", () => {
  it("lowercase CRC digits, as the SDK does", () => {
    const lower = merchantFull.slice(0, -4) + merchantFull.slice(-4).toLowerCase();
    expect(decodeKhqr(lower).crc).toBe("2b39");
  });

  it("unknown tags, which bank apps add", () => {
    const withUnionPay = withCrc(HEADER.replace("010212", "010212" + tlv("15", "1234")) + timestamps(String(createdAtMs), "9999999999999"));
    expect(decodeKhqr(withUnionPay)).toMatchObject({ bakongAccountId: "jonhsmith@nbcq", amount: "1.50" });
  });
});

describe("verifyKhqr", () => {
  const input: KhqrInput = {
    type: "individual",
    bakongAccountId: "jonhsmith@nbcq",
    merchantName: "Jonh Smith",
    currency: "USD",
    amount: 5,
    createdAtMs,
    expiresAtMs: createdAtMs + 60_000,
  };
  const { qr } = encodeKhqr(input);

  it("accepts a dynamic QR until its expiry, inclusive", () => {
    expect(verifyKhqr(qr, createdAtMs).valid).toBe(true);
    expect(verifyKhqr(qr, createdAtMs + 60_000).valid).toBe(true);
  });

  it("rejects an expired dynamic QR", () => {
    expect(verifyKhqr(qr, createdAtMs + 60_001)).toEqual({ valid: false, reason: "the KHQR has expired" });
  });

  it("reads the clock when no time is given", () => {
    expect(verifyKhqr(qr).valid).toBe(false);
    expect(verifyKhqr(vector("D").qr).valid).toBe(true);
  });

  it("rejects a dynamic QR whose expiry is in seconds", () => {
    const seconds = withCrc(HEADER + timestamps(String(createdAtMs), String(Math.floor(createdAtMs / 1000) + 900)));
    expect(verifyKhqr(seconds, createdAtMs)).toEqual({
      valid: false,
      reason: "the expiration timestamp must be epoch milliseconds with exactly 13 digits",
    });
  });

  it("rejects a dynamic QR whose expiry is not after its creation", () => {
    const backwards = withCrc(HEADER + timestamps(String(createdAtMs), String(createdAtMs - 1)));
    expect(verifyKhqr(backwards, createdAtMs - 10)).toEqual({
      valid: false,
      reason: "the expiration timestamp is not after the creation timestamp",
    });
  });

  it("rejects a dynamic QR without timestamps or without an amount", () => {
    expect(verifyKhqr(withCrc(HEADER), createdAtMs)).toEqual({
      valid: false,
      reason: "a dynamic KHQR must carry an expiration timestamp (tag 99 sub 01)",
    });
    const noAmount = withCrc(HEADER.replace(tlv("54", "1.50"), "") + timestamps(String(createdAtMs), "9999999999999"));
    expect(verifyKhqr(noAmount, createdAtMs)).toEqual({ valid: false, reason: "a dynamic KHQR must carry an amount (tag 54)" });
  });

  it("rejects a static QR with an amount but no timestamps, as the SDK does", () => {
    expect(verifyKhqr(withCrc(HEADER.replace("010212", "010211")), createdAtMs).valid).toBe(false);
  });

  it("accepts a static QR that carries only a creation time, as other SDKs write", () => {
    const staticQr = withCrc(withoutCrc(vector("A").qr) + tlv("99", tlv("00", String(createdAtMs))));
    expect(verifyKhqr(staticQr, createdAtMs)).toMatchObject({ valid: true, decoded: { pointOfInitiation: "static", createdAtMs } });
  });

  it("reports a structural problem as the reason", () => {
    expect(verifyKhqr("hello")).toEqual({ valid: false, reason: 'KHQR: tag "he" at position 0 is not two digits' });
  });
});
