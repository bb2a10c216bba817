import { describe, expect, it } from "vitest";
import { formatCount, formatDateTime, formatMoney, formatShortDateTime, toKhmerDigits } from "@/lib/i18n";

const en = { locale: "en", khmerDigits: false } as const;
const km = { locale: "km", khmerDigits: false } as const;
const kmDigits = { locale: "km", khmerDigits: true } as const;

describe("formatMoney", () => {
  it("writes riel whole, grouped by thousands, with ៛ before in English and after in Khmer", () => {
    expect(formatMoney("20000.00", "KHR", en)).toBe("៛20,000");
    expect(formatMoney("20000.00", "KHR", km)).toBe("20,000៛");
    expect(formatMoney(1234567, "KHR", km)).toBe("1,234,567៛");
    expect(formatMoney("100", "KHR", en)).toBe("៛100");
  });

  it("writes dollars with two decimals in both languages", () => {
    expect(formatMoney("5", "USD", en)).toBe("$5.00");
    expect(formatMoney("1234.5", "USD", km)).toBe("$1,234.50");
  });

  it("writes Khmer digits when the user asks for them", () => {
    expect(formatMoney("20000", "KHR", kmDigits)).toBe("២០,០០០៛");
    expect(formatMoney("5.25", "USD", { locale: "en", khmerDigits: true })).toBe("$៥.២៥");
    expect(formatCount(1500, kmDigits)).toBe("១,៥០០");
    expect(toKhmerDigits("Order 42")).toBe("Order ៤២");
  });
});

describe("dates", () => {
  const instant = new Date("2026-05-13T17:15:09Z");

  it("are Cambodia time (UTC+7) in both languages, the next day here", () => {
    expect(formatDateTime(instant, en)).toBe("14 May 2026, 00:15:09 ICT");
    expect(formatDateTime(instant, km)).toBe("14 ឧសភា 2026, 00:15:09");
    expect(formatShortDateTime(instant.toISOString(), km)).toBe("14 ឧសភា, 00:15");
  });

  it("use Khmer digits when asked", () => {
    expect(formatDateTime(instant, kmDigits)).toBe("១៤ ឧសភា ២០២៦, ០០:១៥:០៩");
  });
});
