import { describe, expect, it } from "vitest";
import { AppError, ERROR_CODES } from "@/lib/errors";

describe("AppError", () => {
  it("carries its code, message, field, retry hint and limit, and names itself in logs", () => {
    const limit = { limit: 60, remaining: 0, resetAtMs: 1_000 };
    const error = new AppError("rate_limit_exceeded", "Slow down.", { field: "amount", retryAfterSeconds: 7, limit });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: "AppError",
      code: "rate_limit_exceeded",
      message: "Slow down.",
      field: "amount",
      retryAfterSeconds: 7,
      limit,
    });
    expect(String(error)).toBe("AppError: Slow down.");
  });

  it("keeps the error it wraps as its cause, and has no cause when it wraps none", () => {
    const cause = new Error("socket hang up");
    expect(new AppError("bakong_unavailable", "Bakong did not answer.", { cause }).cause).toBe(cause);
    const plain = new AppError("not_found", "No such QR.");
    expect("cause" in plain).toBe(false);
    expect(plain.field).toBeUndefined();
  });

  it("every code has a description for the docs", () => {
    for (const description of Object.values(ERROR_CODES)) expect(description.length).toBeGreaterThan(20);
  });
});
