import { BakongKHQR } from "bakong-khqr";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decodeKhqr, encodeKhqr, KHQR_LIMITS, verifyKhqr, type KhqrInput } from "@/lib/khqr";
import { encodeWithSdk, inputFromDecoded } from "./helpers";

const NUM_RUNS = 1000;
const TLV_HEADER = 4;
const TEMPLATE_MAX = 99;
const EARLIEST_MS = 1_000_000_000_000;
const LATEST_MS = 9_999_999_999_999;

const charFrom = (min: number, max: number) => fc.integer({ min, max }).map((code) => String.fromCharCode(code));
const printableAscii = charFrom(0x20, 0x7e);
const khmer = charFrom(0x1780, 0x17ff);
const digit = charFrom(0x30, 0x39);
const lowercase = charFrom(0x61, 0x7a);
const idChar = fc.oneof(lowercase, digit, fc.constantFrom("_", "."));
const mixedText = fc.oneof(
  { arbitrary: printableAscii, weight: 3 },
  { arbitrary: khmer, weight: 3 },
  { arbitrary: fc.constantFrom("😀", "𝄞"), weight: 1 },
);

/** Keeps whole code points while the UTF-16 length fits, as a caller trimming to the limit would. */
function fitTo(max: number) {
  return (text: string): string => {
    let fitted = "";
    for (const codePoint of text) {
      if (fitted.length + codePoint.length > max) break;
      fitted += codePoint;
    }
    return fitted;
  };
}

/** Non-empty text at its limit about a third of the time, shorter otherwise. */
function textUpTo(max: number, unit: fc.Arbitrary<string> = printableAscii): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.string({ unit, minLength: max, maxLength: max }),
      fc.string({ unit, minLength: 1, maxLength: max }),
      fc.string({ unit, minLength: 1, maxLength: max }),
    )
    .map(fitTo(max))
    .filter((text) => text.length > 0);
}

/** Absent, empty (which the SDK drops), or a value. */
function optional(value: fc.Arbitrary<string>): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 2 },
    { arbitrary: fc.constant(""), weight: 1 },
    { arbitrary: value, weight: 3 },
  );
}

function digits(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc
    .tuple(charFrom(0x31, 0x39), fc.string({ unit: digit, minLength: minLength - 1, maxLength: maxLength - 1 }))
    .map(([first, rest]) => first + rest);
}

const accountId = fc
  .integer({ min: 3, max: KHQR_LIMITS.bakongAccountId })
  .chain((total) => fc.integer({ min: 1, max: total - 2 }).map((nameLength) => [nameLength, total - 1 - nameLength] as const))
  .chain(([nameLength, bankLength]) =>
    fc.tuple(
      fc.string({ unit: idChar, minLength: nameLength, maxLength: nameLength }),
      fc.string({ unit: idChar, minLength: bankLength, maxLength: bankLength }),
    ),
  )
  .map(([name, bank]) => `${name}@${bank}`);

// Up to 13 characters as written; numbers and strings, since the SDK treats "1.0" and 1.0 differently.
const usdAmount = fc.oneof(
  digits(1, 13),
  fc
    .tuple(fc.oneof(fc.constant("0"), digits(1, 10)), fc.string({ unit: digit, minLength: 1, maxLength: 2 }))
    .map(([integer, fraction]) => `${integer}.${fraction}`),
);
const khrAmount = fc.oneof(
  digits(1, 13),
  fc.tuple(digits(1, 13), fc.constantFrom(".0", ".00")).map(([integer, zeros]) => integer + zeros),
);
const zeroAmount = fc.constantFrom<number | string | undefined>(undefined, 0, "0", "0.00", "");

function amount(decimal: fc.Arbitrary<string>): fc.Arbitrary<number | string | undefined> {
  return fc.oneof({ arbitrary: zeroAmount, weight: 1 }, { arbitrary: decimal, weight: 2 }, { arbitrary: decimal.map(Number), weight: 2 });
}

const currencyAndAmount = fc.oneof(
  fc.record({ currency: fc.constant("USD" as const), amount: amount(usdAmount) }),
  fc.record({ currency: fc.constant("KHR" as const), amount: amount(khrAmount) }),
);

const account = fc.oneof(
  fc.record({
    type: fc.constant("individual" as const),
    bakongAccountId: accountId,
    accountInformation: optional(textUpTo(KHQR_LIMITS.accountInformation)),
    acquiringBank: optional(textUpTo(KHQR_LIMITS.acquiringBank)),
  }),
  fc.record({
    type: fc.constant("merchant" as const),
    bakongAccountId: accountId,
    merchantId: textUpTo(KHQR_LIMITS.merchantId),
    acquiringBank: textUpTo(KHQR_LIMITS.acquiringBank),
  }),
);

const additionalData = fc.record({
  billNumber: optional(textUpTo(KHQR_LIMITS.billNumber)),
  mobileNumber: optional(textUpTo(KHQR_LIMITS.mobileNumber, digit)),
  storeLabel: optional(textUpTo(KHQR_LIMITS.storeLabel, mixedText)),
  terminalLabel: optional(textUpTo(KHQR_LIMITS.terminalLabel)),
  purposeOfTransaction: optional(textUpTo(KHQR_LIMITS.purposeOfTransaction, mixedText)),
});

// Any language code with any text, and what merchant profiles write: "km" with a Khmer name and city.
const language = fc.option(
  fc.oneof(
    fc.record({
      languagePreference: textUpTo(KHQR_LIMITS.languagePreference, lowercase),
      merchantNameAlternateLanguage: textUpTo(KHQR_LIMITS.merchantNameAlternateLanguage, mixedText),
      merchantCityAlternateLanguage: optional(textUpTo(KHQR_LIMITS.merchantCityAlternateLanguage, mixedText)),
    }),
    fc.record({
      languagePreference: fc.constant("km"),
      merchantNameAlternateLanguage: textUpTo(KHQR_LIMITS.merchantNameAlternateLanguage, fc.oneof(khmer, fc.constant(" "))),
      merchantCityAlternateLanguage: optional(textUpTo(KHQR_LIMITS.merchantCityAlternateLanguage, khmer)),
    }),
  ),
  { nil: undefined },
);

// The frozen clock, an expiry after it, and whether to pass the clock explicitly or let encodeKhqr read Date.now().
const timing = fc
  .integer({ min: EARLIEST_MS, max: LATEST_MS - 1 })
  .chain((clockMs) =>
    fc.record({ clockMs: fc.constant(clockMs), expiresAtMs: fc.integer({ min: clockMs + 1, max: LATEST_MS }), passClock: fc.boolean() }),
  );

const templateLength = (values: readonly (string | undefined)[]) =>
  values.reduce((length, value) => length + (value ? TLV_HEADER + value.length : 0), 0);

const validInput = fc
  .record({
    account,
    currencyAndAmount,
    merchantName: textUpTo(KHQR_LIMITS.merchantName, mixedText),
    merchantCity: optional(textUpTo(KHQR_LIMITS.merchantCity, mixedText)),
    merchantCategoryCode: optional(fc.string({ unit: digit, minLength: 4, maxLength: 4 })),
    additionalData,
    language,
    timing,
  })
  .map(({ account, currencyAndAmount, additionalData, language, timing, ...rest }): { clockMs: number; input: KhqrInput } => ({
    clockMs: timing.clockMs,
    input: {
      ...account,
      ...currencyAndAmount,
      ...rest,
      ...additionalData,
      ...language,
      createdAtMs: timing.passClock ? timing.clockMs : undefined,
      expiresAtMs: timing.expiresAtMs,
    },
  }))
  .filter(
    ({ input }) =>
      templateLength([input.bakongAccountId, input.accountInformation ?? input.merchantId, input.acquiringBank]) <= TEMPLATE_MAX &&
      templateLength([input.billNumber, input.mobileNumber, input.storeLabel, input.terminalLabel, input.purposeOfTransaction]) <=
        TEMPLATE_MAX,
  );

describe("encodeKhqr against the official SDK", () => {
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it(`writes the SDK's exact string and md5 for ${NUM_RUNS} random valid inputs, and reads them back`, () => {
    let dynamicCount = 0;
    fc.assert(
      fc.property(validInput, ({ clockMs, input }) => {
        vi.setSystemTime(clockMs);
        const ours = encodeKhqr(input);
        const official = encodeWithSdk(input);
        expect(ours.qr).toBe(official.qr);
        expect(ours.md5).toBe(official.md5);
        if (ours.dynamic) dynamicCount++;

        expect(BakongKHQR.verify(ours.qr).isValid).toBe(true);
        const verified = verifyKhqr(ours.qr, clockMs);
        expect(verified.valid).toBe(true);
        const decoded = decodeKhqr(ours.qr);
        expect(decoded.pointOfInitiation).toBe(ours.dynamic ? "dynamic" : "static");
        expect(encodeKhqr({ ...inputFromDecoded(decoded), createdAtMs: decoded.createdAtMs ?? clockMs }).qr).toBe(ours.qr);
      }),
      { numRuns: NUM_RUNS },
    );
    // Both kinds must have been exercised in earnest.
    expect(dynamicCount).toBeGreaterThan(NUM_RUNS / 3);
    expect(dynamicCount).toBeLessThan(NUM_RUNS);
  });
});
