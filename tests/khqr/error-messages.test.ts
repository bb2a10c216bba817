import { describe, expect, it } from "vitest";
import { encodeKhqr, formatKhqrAmount, KhqrDecodeError, KhqrFieldError, type KhqrCurrency, type KhqrInput } from "@/lib/khqr";
import { CREATED, individual, merchant } from "./helpers";

const staticIndividual: KhqrInput = { ...individual, amount: undefined, createdAtMs: undefined, expiresAtMs: undefined };

function fieldErrorOf(run: () => unknown): KhqrFieldError {
  try {
    run();
  } catch (error) {
    if (error instanceof KhqrFieldError) return error;
    throw error;
  }
  throw new Error("no error was thrown");
}

/** Expects encodeKhqr to reject the input with exactly this field and message. */
function expectFieldError(input: KhqrInput, field: string, message: string): void {
  const error = fieldErrorOf(() => encodeKhqr(input));
  expect(error).toBeInstanceOf(Error);
  expect(error.name).toBe("KhqrFieldError");
  expect(error.field).toBe(field);
  expect(error.message).toBe(message);
}

const anything = <T>(value: unknown) => value as T;

describe("the merchant sees an exact message for each bad encoder input", () => {
  it("a field error is named KhqrFieldError and keeps the field", () => {
    const error = new KhqrFieldError("amount", "bad");
    expect(error.name).toBe("KhqrFieldError");
    expect(error.field).toBe("amount");
    expect(error.message).toBe("bad");
    expect(String(error)).toBe("KhqrFieldError: bad");
  });

  it("an amount that is neither a number nor a string", () => {
    expectFieldError({ ...individual, amount: anything<number>(true) }, "amount", "amount must be a number or a decimal string");
    expectFieldError({ ...individual, amount: anything<number>({}) }, "amount", "amount must be a number or a decimal string");
  });

  it("formatting an amount in an unknown currency", () => {
    const error = fieldErrorOf(() => formatKhqrAmount(1, anything<KhqrCurrency>("EUR")));
    expect(error.field).toBe("currency");
    expect(error.message).toBe('currency must be "USD" or "KHR"');
    expect(error.name).toBe("KhqrFieldError");
  });

  it.each([
    ["a dynamic QR", individual],
    ["a static QR, where no amount would check the currency", staticIndividual],
  ])("an unknown currency in %s", (_, base) => {
    expectFieldError({ ...base, currency: anything<KhqrCurrency>("EUR") }, "currency", 'currency must be "USD" or "KHR"');
    expectFieldError({ ...base, currency: anything<KhqrCurrency>(undefined) }, "currency", 'currency must be "USD" or "KHR"');
  });

  it("a text field that is not a string", () => {
    expectFieldError({ ...individual, billNumber: anything<string>(42) }, "billNumber", "billNumber must be a string");
    expectFieldError({ ...individual, merchantName: anything<string>(7) }, "merchantName", "merchantName must be a string");
  });

  it("text with a lone surrogate", () => {
    expectFieldError({ ...individual, storeLabel: "Shop \ud83d" }, "storeLabel", "storeLabel must be well-formed Unicode text");
  });

  it.each([undefined, null, ""])("a merchant name of %j is required", (merchantName) => {
    expectFieldError({ ...individual, merchantName: anything<string>(merchantName) }, "merchantName", "merchantName is required");
  });

  it("a missing Bakong account id is required", () => {
    expectFieldError({ ...individual, bakongAccountId: "" }, "bakongAccountId", "bakongAccountId is required");
  });

  it.each(["jonhsmith.nbcq", "@nbcq", "jonhsmith@", "jonh@smith@nbcq"])("a Bakong account id %j that is not name@bank", (id) => {
    expectFieldError(
      { ...individual, bakongAccountId: id },
      "bakongAccountId",
      'bakongAccountId must look like name@bank, with exactly one "@"',
    );
  });

  it.each(["company", undefined, ""])("an account type of %j", (type) => {
    expectFieldError({ ...individual, type: anything<KhqrInput["type"]>(type) }, "type", 'type must be "individual" or "merchant"');
  });

  it("a merchant account with accountInformation, which only individuals carry", () => {
    expectFieldError(
      { ...merchant, accountInformation: "x" },
      "accountInformation",
      "accountInformation is only written for individual accounts",
    );
  });

  it.each([undefined, null, ""])("a merchant account with a merchantId of %j", (merchantId) => {
    expectFieldError(
      { ...merchant, merchantId: anything<string>(merchantId) },
      "merchantId",
      "merchantId is required for a merchant account",
    );
  });

  it("an individual account with a merchantId", () => {
    expectFieldError({ ...individual, merchantId: "123456" }, "merchantId", "merchantId is only written for merchant accounts");
  });

  it.each([undefined, ""])("a merchant account with an acquiringBank of %j", (acquiringBank) => {
    expectFieldError({ ...merchant, acquiringBank }, "acquiringBank", "acquiringBank is required for a merchant account");
  });

  it("alternate-language names without the language", () => {
    const message = "languagePreference is required when an alternate-language name or city is given";
    expectFieldError({ ...individual, merchantNameAlternateLanguage: "ចន ស្មីន" }, "languagePreference", message);
    expectFieldError({ ...individual, merchantCityAlternateLanguage: "ភ្នំពេញ" }, "languagePreference", message);
  });

  it("a language without the name in it", () => {
    expectFieldError(
      { ...individual, languagePreference: "km" },
      "merchantNameAlternateLanguage",
      "merchantNameAlternateLanguage is required when languagePreference is given",
    );
  });

  it.each([
    ["three digits", "599"],
    ["five digits", "59999"],
    ["a letter", "59a9"],
    ["a number instead of a string", 5999],
    ["a boolean", true],
  ])("a merchant category code with %s", (_, merchantCategoryCode) => {
    expectFieldError(
      { ...individual, merchantCategoryCode: anything<string>(merchantCategoryCode) },
      "merchantCategoryCode",
      "merchantCategoryCode must be exactly 4 digits",
    );
  });

  it("account fields too long for tag 30 together", () => {
    expectFieldError(
      { ...merchant, bakongAccountId: `${"a".repeat(27)}@nbcq`, merchantId: "m".repeat(32), acquiringBank: "b".repeat(32) },
      "merchantAccountInformation",
      "bakongAccountId, merchantId or accountInformation, and acquiringBank together take 108 characters in the QR, more than the 99 a KHQR template can hold",
    );
  });

  it("additional data too long for tag 62 together", () => {
    const full = "x".repeat(25);
    expectFieldError(
      { ...individual, billNumber: full, mobileNumber: full, storeLabel: full, terminalLabel: full },
      "additionalData",
      "billNumber, mobileNumber, storeLabel, terminalLabel and purposeOfTransaction together take 116 characters in the QR, more than the 99 a KHQR template can hold",
    );
  });

  it("an expiry with 14 digits", () => {
    expectFieldError(
      { ...individual, expiresAtMs: 10_000_000_000_000 },
      "expiresAtMs",
      "expiresAtMs must be epoch milliseconds with exactly 13 digits",
    );
  });

  it("a creation time in seconds", () => {
    expectFieldError(
      { ...individual, createdAtMs: Math.floor(CREATED / 1000) },
      "createdAtMs",
      "createdAtMs must be epoch milliseconds with exactly 13 digits",
    );
  });
});

describe("encodeKhqr treats null like an absent optional value, as the SDK does", () => {
  const plain = encodeKhqr(individual);

  it.each([undefined, null, ""])("a merchant category code of %j falls back to 5999", (merchantCategoryCode) => {
    const encoded = encodeKhqr({ ...individual, merchantCategoryCode: anything<string>(merchantCategoryCode) });
    expect(encoded).toEqual(plain);
    expect(encoded.qr).toContain("52045999");
  });

  it.each(["billNumber", "storeLabel", "accountInformation", "acquiringBank"])("a null %s is left out", (field) => {
    expect(encodeKhqr({ ...individual, [field]: null })).toEqual(plain);
  });

  it("a null amount makes a static QR", () => {
    const encoded = encodeKhqr({ ...individual, amount: anything<number>(null), expiresAtMs: undefined });
    expect(encoded.dynamic).toBe(false);
    expect(encoded).toEqual(encodeKhqr(staticIndividual));
  });
});

describe("decode errors", () => {
  it("a decode error is named KhqrDecodeError", () => {
    const error = new KhqrDecodeError("bad");
    expect(error.name).toBe("KhqrDecodeError");
    expect(error.message).toBe("bad");
    expect(String(error)).toBe("KhqrDecodeError: bad");
  });
});
