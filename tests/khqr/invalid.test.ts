import { describe, expect, it } from "vitest";
import { encodeKhqr, KHQR_LIMITS, KhqrFieldError, type KhqrInput } from "@/lib/khqr";
import { CREATED, EXPIRES, individual, merchant } from "./helpers";

const withLanguage: Partial<KhqrInput> = { languagePreference: "km", merchantNameAlternateLanguage: "ចន ស្មីន" };

function fieldErrorOf(input: KhqrInput): KhqrFieldError {
  try {
    encodeKhqr(input);
  } catch (error) {
    if (error instanceof KhqrFieldError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

type TextLimit = Exclude<keyof typeof KHQR_LIMITS, "amountChars" | "bakongAccountId">;
const overLong: [TextLimit, KhqrInput][] = [
  ["merchantName", individual],
  ["merchantCity", individual],
  ["accountInformation", individual],
  ["acquiringBank", individual],
  ["merchantId", merchant],
  ["acquiringBank", merchant],
  ["billNumber", individual],
  ["mobileNumber", individual],
  ["storeLabel", individual],
  ["terminalLabel", individual],
  ["purposeOfTransaction", individual],
  ["languagePreference", { ...individual, ...withLanguage }],
  ["merchantNameAlternateLanguage", { ...individual, ...withLanguage }],
  ["merchantCityAlternateLanguage", { ...individual, ...withLanguage }],
];

describe("encodeKhqr rejects, naming the field", () => {
  it.each(overLong)("%s one character over its limit", (field, base) => {
    const limit = KHQR_LIMITS[field];
    const error = fieldErrorOf({ ...base, [field]: "x".repeat(limit + 1) });
    expect(error.field).toBe(field);
    expect(error.message).toBe(`${field} must be at most ${limit} characters`);
  });

  it("a Bakong account id over 32 characters", () => {
    expect(fieldErrorOf({ ...individual, bakongAccountId: `${"a".repeat(28)}@nbcq` }).field).toBe("bakongAccountId");
  });

  it("counts UTF-16 code units, as the SDK does: a Khmer name at 26 characters, an emoji as two", () => {
    expect(fieldErrorOf({ ...individual, merchantName: "ក".repeat(26) }).field).toBe("merchantName");
    expect(fieldErrorOf({ ...individual, merchantName: `${"a".repeat(24)}😀` }).field).toBe("merchantName");
    expect(() => encodeKhqr({ ...individual, merchantName: `${"a".repeat(23)}😀` })).not.toThrow();
  });

  it.each([
    ["missing @", "jonhsmith.nbcq"],
    ["nothing before @", "@nbcq"],
    ["nothing after @", "jonhsmith@"],
    ["two @", "jonh@smith@nbcq"],
    ["empty", ""],
  ])("a Bakong account id with %s", (_, bakongAccountId) => {
    expect(fieldErrorOf({ ...individual, bakongAccountId }).field).toBe("bakongAccountId");
  });

  it.each([
    ["without merchantId", { merchantId: undefined }, "merchantId"],
    ["with an empty merchantId", { merchantId: "" }, "merchantId"],
    ["without acquiringBank", { acquiringBank: undefined }, "acquiringBank"],
    ["with an empty acquiringBank", { acquiringBank: "" }, "acquiringBank"],
    ["with accountInformation", { accountInformation: "x" }, "accountInformation"],
  ] as const)("a merchant account %s", (_, change, field) => {
    expect(fieldErrorOf({ ...merchant, ...change }).field).toBe(field);
  });

  it("an individual account with a merchantId", () => {
    expect(fieldErrorOf({ ...individual, merchantId: "123456" }).field).toBe("merchantId");
  });

  it.each(["", undefined])("a merchant name of %j", (merchantName) => {
    expect(fieldErrorOf({ ...individual, merchantName: merchantName as string }).field).toBe("merchantName");
  });

  it.each([
    ["USD with 3 decimals, as a number", "USD", 1.005, "amount in USD must have at most 2 decimal places"],
    ["USD with 3 decimals, as a string", "USD", "1.005", "amount in USD must have at most 2 decimal places"],
    ["USD float noise", "USD", 0.1 + 0.2, "amount in USD must have at most 2 decimal places"],
    ["fractional KHR, as a number", "KHR", 100.5, "amount in KHR must be a whole number of riel"],
    ["fractional KHR, as a string", "KHR", "100.5", "amount in KHR must be a whole number of riel"],
    ["negative", "USD", -1, "amount must not be negative"],
    ["negative string", "KHR", "-100", "amount must not be negative"],
    ["NaN", "USD", Number.NaN, "amount must be a finite number"],
    ["Infinity", "USD", Number.POSITIVE_INFINITY, "amount must be a finite number"],
    ["14 KHR digits", "KHR", 10_000_000_000_000, "amount must be at most 13 characters as written in the QR"],
    ["14 USD characters once padded", "USD", "12345678901.5", "amount must be at most 13 characters as written in the QR"],
    ["exponent notation from a huge number", "USD", 1e21, 'amount must be a plain decimal number such as "100" or "1.50"'],
    ["exponent notation from a tiny number", "USD", 1e-7, 'amount must be a plain decimal number such as "100" or "1.50"'],
    ["non-numeric", "USD", "abc", 'amount must be a plain decimal number such as "100" or "1.50"'],
    ["leading zeros", "KHR", "0100", 'amount must be a plain decimal number such as "100" or "1.50"'],
    ["surrounding spaces", "USD", " 1.5", 'amount must be a plain decimal number such as "100" or "1.50"'],
    ["a bare decimal point", "USD", "1.", 'amount must be a plain decimal number such as "100" or "1.50"'],
  ] as const)("an amount: %s", (_, currency, amount, message) => {
    const error = fieldErrorOf({ ...individual, currency, amount });
    expect(error.field).toBe("amount");
    expect(error.message).toBe(message);
  });

  it("an amount that is not a number or a string", () => {
    expect(fieldErrorOf({ ...individual, amount: true as unknown as number }).field).toBe("amount");
  });

  it.each(["EUR", "usd", "840", undefined])("currency %j", (currency) => {
    expect(fieldErrorOf({ ...individual, currency: currency as KhqrInput["currency"] }).field).toBe("currency");
  });

  it.each(["599", "59999", "59a9", " 599"])("merchant category code %j", (merchantCategoryCode) => {
    expect(fieldErrorOf({ ...individual, merchantCategoryCode }).field).toBe("merchantCategoryCode");
  });

  it.each([
    ["in seconds", { expiresAtMs: Math.floor(EXPIRES / 1000) }, "expiresAtMs must be epoch milliseconds with exactly 13 digits"],
    ["with a fraction", { expiresAtMs: EXPIRES + 0.5 }, "expiresAtMs must be epoch milliseconds with exactly 13 digits"],
    ["before creation", { expiresAtMs: CREATED - 1 }, "expiresAtMs must be after createdAtMs"],
    ["at creation", { expiresAtMs: CREATED }, "expiresAtMs must be after createdAtMs"],
    ["missing from a dynamic QR", { expiresAtMs: undefined }, "expiresAtMs is required for a dynamic QR (one with an amount)"],
  ])("an expiry %s", (_, change, message) => {
    const error = fieldErrorOf({ ...individual, ...change });
    expect(error.field).toBe("expiresAtMs");
    expect(error.message).toBe(message);
  });

  it("a creation time in seconds", () => {
    expect(fieldErrorOf({ ...individual, createdAtMs: Math.floor(CREATED / 1000) }).field).toBe("createdAtMs");
  });

  it.each([
    ["a language without a name in it", { languagePreference: "km" }, "merchantNameAlternateLanguage"],
    ["a name in a language without the language", { merchantNameAlternateLanguage: "ចន ស្មីន" }, "languagePreference"],
    ["a city in a language alone", { merchantCityAlternateLanguage: "ភ្នំពេញ" }, "languagePreference"],
  ])("%s", (_, change, field) => {
    expect(fieldErrorOf({ ...individual, ...change }).field).toBe(field);
  });

  it("additional data that would not fit tag 62's two-digit length", () => {
    const full = "x".repeat(25);
    const error = fieldErrorOf({ ...individual, billNumber: full, mobileNumber: full, storeLabel: full, terminalLabel: full });
    expect(error.field).toBe("additionalData");
  });

  it("account fields that would not fit tag 30's two-digit length", () => {
    const error = fieldErrorOf({
      ...merchant,
      bakongAccountId: `${"a".repeat(27)}@nbcq`,
      merchantId: "m".repeat(32),
      acquiringBank: "b".repeat(32),
    });
    expect(error.field).toBe("merchantAccountInformation");
  });

  it.each(["company", undefined])("account type %j", (type) => {
    expect(fieldErrorOf({ ...individual, type: type as KhqrInput["type"] }).field).toBe("type");
  });

  it("text with a lone surrogate, which has no UTF-8 form", () => {
    expect(fieldErrorOf({ ...individual, billNumber: "INV-\ud83d" }).field).toBe("billNumber");
  });

  it("a text field that is not a string", () => {
    expect(fieldErrorOf({ ...individual, billNumber: 42 as unknown as string }).field).toBe("billNumber");
  });
});

describe("encodeKhqr follows the SDK on empty and zero values", () => {
  const plain = encodeKhqr(individual);

  it.each([
    "billNumber",
    "mobileNumber",
    "storeLabel",
    "terminalLabel",
    "purposeOfTransaction",
    "accountInformation",
    "acquiringBank",
    "merchantCategoryCode",
    "languagePreference",
    "merchantNameAlternateLanguage",
    "merchantCityAlternateLanguage",
  ])("an empty %s is left out, not an error", (field) => {
    expect(encodeKhqr({ ...individual, [field]: "" })).toEqual(plain);
  });

  it("an empty merchant city falls back to Phnom Penh", () => {
    expect(encodeKhqr({ ...individual, merchantCity: "" })).toEqual(encodeKhqr({ ...individual, merchantCity: "Phnom Penh" }));
  });

  it.each([undefined, "", 0, "0", "0.00"])("amount %j makes a static QR without timestamps", (amount) => {
    const encoded = encodeKhqr({ ...individual, amount, expiresAtMs: undefined });
    expect(encoded.dynamic).toBe(false);
    expect(encoded.qr).toContain("010211");
    expect(encoded.qr).not.toContain("5404");
  });

  it("a static QR ignores the timestamps it cannot carry", () => {
    const staticInput = { ...individual, amount: undefined };
    expect(encodeKhqr({ ...staticInput, createdAtMs: 5, expiresAtMs: 3 })).toEqual(
      encodeKhqr({ ...staticInput, createdAtMs: undefined, expiresAtMs: undefined }),
    );
  });
});
