import { describe, expect, it } from "vitest";
import { formatKhqrAmount, KhqrFieldError } from "@/lib/khqr";

describe("formatKhqrAmount writes tag 54 as the SDK does", () => {
  it.each([
    [100, "USD", "100"],
    ["100", "USD", "100"],
    [1.5, "USD", "1.50"],
    ["1.5", "USD", "1.50"],
    [0.1, "USD", "0.10"],
    ["0.1", "USD", "0.10"],
    [25.99, "USD", "25.99"],
    ["100.0", "USD", "100.00"],
    [100.0, "USD", "100"],
    ["9999999999.99", "USD", "9999999999.99"],
    [10000, "KHR", "10000"],
    ["10000", "KHR", "10000"],
    ["10000.00", "KHR", "10000"],
    [9_999_999_999_999, "KHR", "9999999999999"],
  ] as const)("%j %s → %s", (amount, currency, written) => {
    expect(formatKhqrAmount(amount, currency)).toBe(written);
  });

  it("names the currency when the currency is wrong", () => {
    expect(() => formatKhqrAmount(1, "EUR" as "USD")).toThrow(expect.objectContaining({ field: "currency" }));
  });

  it("throws KhqrFieldError('amount') for 3 decimals", () => {
    expect(() => formatKhqrAmount(1.005, "USD")).toThrow(KhqrFieldError);
    expect(() => formatKhqrAmount(1.005, "USD")).toThrow(expect.objectContaining({ field: "amount" }));
  });
});
