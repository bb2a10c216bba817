import { describe, expect, it } from "vitest";
import { tooManyAttemptsMessage } from "@/lib/auth/messages";

describe("the throttled form's message", () => {
  it.each([
    [0, "1 second"],
    [1, "1 second"],
    [2, "2 seconds"],
    [45, "45 seconds"],
    [119, "119 seconds"],
    [120, "2 minutes"],
    [121, "3 minutes"],
    [180, "3 minutes"],
    [900, "15 minutes"],
  ])("%i seconds to wait reads “%s”", (retryAfterSeconds, wait) => {
    expect(tooManyAttemptsMessage(retryAfterSeconds)).toBe(`Too many attempts. Please wait ${wait} and try again.`);
  });
});
