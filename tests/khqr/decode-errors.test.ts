import { describe, expect, it } from "vitest";
import { decodeKhqr, KhqrDecodeError, verifyKhqr } from "@/lib/khqr";
import { tlv, withCrc, withoutCrc } from "./helpers";

const CREATED = "1764288000000";
const EXPIRES = "9999999999999";

const ACCOUNT = tlv("29", tlv("00", "jonhsmith@nbcq"));

/** Builds a payload (no CRC) from its top-level tags; pass null to leave a tag out. */
function payload(change: Partial<Record<string, string | null>> = {}): string {
  const tags: Record<string, string | null> = {
    "00": "01",
    "01": "12",
    "29": null,
    "52": "5999",
    "53": "840",
    "54": "1.50",
    "58": "KH",
    "59": "Jonh Smith",
    "60": "Phnom Penh",
    "99": tlv("00", CREATED) + tlv("01", EXPIRES),
    ...change,
  };
  let text = "";
  for (const [tag, value] of Object.entries(tags).sort(([a], [b]) => a.localeCompare(b))) {
    if (tag === "29") text += ACCOUNT;
    else if (value !== null && value !== undefined) text += tlv(tag, value);
  }
  return text;
}

const timestamps = (created: string | null, expires: string | null) =>
  (created === null ? "" : tlv("00", created)) + (expires === null ? "" : tlv("01", expires));

function decodeError(qr: string): KhqrDecodeError {
  try {
    decodeKhqr(qr);
  } catch (error) {
    if (error instanceof KhqrDecodeError) return error;
    throw error;
  }
  throw new Error(`decoded ${qr}`);
}

function expectDecodeError(qr: string, message: string): void {
  const error = decodeError(qr);
  expect(error.name).toBe("KhqrDecodeError");
  expect(error.message).toBe(message);
  expect(verifyKhqr(qr, Number(CREATED))).toEqual({ valid: false, reason: message });
}

describe("decodeKhqr names the missing required tag", () => {
  it.each(["00", "01", "52", "58", "60"])("tag %s", (tag) => {
    expectDecodeError(withCrc(payload({ [tag]: null })), `KHQR: required tag ${tag} is missing`);
  });
});

describe("decodeKhqr rejects a wrong top-level value", () => {
  it("a payload format other than 01", () => {
    expectDecodeError(withCrc(payload({ "00": "02" })), "tag 00: payload format must be 01, not 02");
  });

  it.each(["13", "10", "1"])("a point of initiation of %j", (value) => {
    expectDecodeError(withCrc(payload({ "01": value })), `tag 01: point of initiation must be 11 or 12, not ${value}`);
  });

  it.each(["1,50", "1.", ".5", "-1", "1e3"])("an amount of %j", (value) => {
    expectDecodeError(withCrc(payload({ "54": value })), `tag 54: amount "${value}" is not a decimal number`);
  });

  it("a currency other than KHR or USD", () => {
    expectDecodeError(withCrc(payload({ "53": "978" })), "tag 53: currency must be 116 (KHR) or 840 (USD), not 978");
  });

  it.each([
    ["00", "17642880000x0", EXPIRES],
    ["01", CREATED, "-999999999999"],
    ["01", CREATED, "9999999999.99"],
  ])("a timestamp in sub %s that is not digits", (subtag, created, expires) => {
    const bad = subtag === "00" ? created : expires;
    expectDecodeError(withCrc(payload({ "99": timestamps(created, expires) })), `tag 99 sub ${subtag}: timestamp "${bad}" is not a number`);
  });
});

describe("decodeKhqr tells which point of initiation a QR has", () => {
  it("12 is dynamic and 11 is static", () => {
    expect(decodeKhqr(withCrc(payload())).pointOfInitiation).toBe("dynamic");
    expect(decodeKhqr(withCrc(payload({ "01": "11", "54": null, "99": null }))).pointOfInitiation).toBe("static");
  });
});

describe("decodeKhqr leaves absent fields out of its result", () => {
  it("a static QR without optional tags has only the keys it carries", () => {
    const decoded = decodeKhqr(withCrc(payload({ "01": "11", "54": null, "99": null })));
    expect(Object.keys(decoded).sort()).toEqual(
      [
        "bakongAccountId",
        "crc",
        "currency",
        "merchantCategoryCode",
        "merchantCity",
        "merchantName",
        "payloadFormat",
        "pointOfInitiation",
        "type",
      ].sort(),
    );
    expect("amount" in decoded).toBe(false);
    expect("createdAtMs" in decoded).toBe(false);
  });
});

describe("decodeKhqr insists on the CRC as the last tag", () => {
  const MESSAGE = "KHQR must end with the CRC: tag 63, length 04, 4 hex digits";

  it("no CRC tag at all", () => {
    expectDecodeError(payload(), MESSAGE);
  });

  it("a CRC that is followed by a tag whose value looks like the CRC", () => {
    // The string still ends with "6304" + the CRC value, but tag 63 is not the last tag.
    const body = payload() + "6304ABCD";
    expectDecodeError(body + tlv("62", "6304ABCD"), MESSAGE);
  });

  it("a last CRC whose digits are not hex", () => {
    expectDecodeError(payload() + "6304ZZZZ", MESSAGE);
    expectDecodeError(payload() + "63040x1F", MESSAGE);
  });

  it("a last CRC of the wrong length", () => {
    expectDecodeError(payload() + "6303ABC", MESSAGE);
  });

  it("a CRC that does not match the content", () => {
    const qr = withCrc(payload());
    const wrong = qr.slice(0, -4) + (qr.endsWith("0000") ? "0001" : "0000");
    expectDecodeError(wrong, `CRC mismatch: the string says ${wrong.slice(-4)}, its content gives ${qr.slice(-4)}`);
  });
});

describe("decodeKhqr reads TLV headers strictly", () => {
  it("a header that runs past the end of the text", () => {
    const cut = withoutCrc(withCrc(payload())) + "630";
    expectDecodeError(cut, `KHQR: truncated tag and length at position ${cut.length - 3}`);
  });

  it("a header that ends exactly at the end of the text, with no value", () => {
    expectDecodeError(payload() + "6304", "KHQR: tag 63 declares 4 characters but only 0 remain");
  });

  it.each([" 2", "+2", "-2", "2 ", "/2", ":2"])("a length of %j, which is not two digits", (length) => {
    expectDecodeError(withCrc(`00${length}01` + payload().slice(6)), "KHQR: tag 00 has a length that is not two digits");
  });

  it.each([" 0", "/0", ":0"])("a tag of %j, which is not two digits", (tag) => {
    expectDecodeError(withCrc(`${tag}0201` + payload().slice(6)), `KHQR: tag "${tag}" at position 0 is not two digits`);
  });
});

describe("verifyKhqr explains timing problems", () => {
  const reason = (qr: string, now = Number(CREATED)) => verifyKhqr(qr, now);

  it("a static QR with an amount but no timestamps", () => {
    expect(reason(withCrc(payload({ "01": "11", "99": null })))).toEqual({
      valid: false,
      reason: "a KHQR with an amount (tag 54) must carry timestamps (tag 99)",
    });
  });

  it("a static QR with an amount and either timestamp is valid", () => {
    expect(reason(withCrc(payload({ "01": "11", "99": timestamps(CREATED, null) }))).valid).toBe(true);
    expect(reason(withCrc(payload({ "01": "11", "99": timestamps(null, EXPIRES) }))).valid).toBe(true);
    expect(reason(withCrc(payload({ "01": "11" }))).valid).toBe(true);
  });

  it("a static QR without an amount or timestamps is valid", () => {
    expect(reason(withCrc(payload({ "01": "11", "54": null, "99": null })))).toMatchObject({ valid: true });
  });

  it.each([
    ["in seconds", "1764288000"],
    ["with 14 digits", "17642880000000"],
  ])("a dynamic QR whose creation time is %s", (_, created) => {
    expect(reason(withCrc(payload({ "99": timestamps(created, EXPIRES) })))).toEqual({
      valid: false,
      reason: "the creation timestamp must be epoch milliseconds with exactly 13 digits",
    });
  });

  it("a dynamic QR without a creation time", () => {
    expect(reason(withCrc(payload({ "99": timestamps(null, EXPIRES) })))).toEqual({
      valid: false,
      reason: "the creation timestamp must be epoch milliseconds with exactly 13 digits",
    });
  });

  it("a dynamic QR whose expiry is 14 digits", () => {
    expect(reason(withCrc(payload({ "99": timestamps(CREATED, "10000000000000") })))).toEqual({
      valid: false,
      reason: "the expiration timestamp must be epoch milliseconds with exactly 13 digits",
    });
  });

  it("a dynamic QR that expires at the very moment it is created", () => {
    expect(reason(withCrc(payload({ "99": timestamps(CREATED, CREATED) })), Number(CREATED) - 1)).toEqual({
      valid: false,
      reason: "the expiration timestamp is not after the creation timestamp",
    });
  });

  it("a dynamic QR that expires one millisecond after creation is valid until then", () => {
    const qr = withCrc(payload({ "99": timestamps(CREATED, String(Number(CREATED) + 1)) }));
    expect(reason(qr).valid).toBe(true);
    expect(reason(qr, Number(CREATED) + 2)).toEqual({ valid: false, reason: "the KHQR has expired" });
  });
});
