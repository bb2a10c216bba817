import { describe, expect, it } from "vitest";
import { BakongUnavailableError } from "@/lib/bakong";

describe("BakongUnavailableError", () => {
  it("carries its reason, message, HTTP status and retry hint, and names itself in logs", () => {
    const error = new BakongUnavailableError("http_error", "Bakong answered https://bakong.test/v1/x with HTTP 429", {
      httpStatus: 429,
      retryAfterSeconds: 30,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: "BakongUnavailableError",
      reason: "http_error",
      message: "Bakong answered https://bakong.test/v1/x with HTTP 429",
      httpStatus: 429,
      retryAfterSeconds: 30,
    });
    expect(String(error)).toBe("BakongUnavailableError: Bakong answered https://bakong.test/v1/x with HTTP 429");
  });

  it("keeps the error it wraps as its cause", () => {
    const cause = new Error("socket hang up");
    expect(new BakongUnavailableError("network", "Could not reach Bakong", { cause }).cause).toBe(cause);
  });

  it("has no cause, HTTP status or retry hint when given none", () => {
    const error = new BakongUnavailableError("timeout", "Bakong did not answer within 15000 ms");
    expect("cause" in error).toBe(false);
    expect(error.httpStatus).toBeUndefined();
    expect(error.retryAfterSeconds).toBeUndefined();
    expect(String(error)).toBe("BakongUnavailableError: Bakong did not answer within 15000 ms");
  });
});
