import { describe, expect, it } from "vitest";
import { bakongConfigFromEnv } from "@/lib/bakong";
import { parseRetryAfter } from "@/lib/bakong";

// Next.js types NODE_ENV as required on ProcessEnv; these tests only care about the BAKONG_ variables.
const env = (variables: Record<string, string>) => variables as NodeJS.ProcessEnv;

describe("bakongConfigFromEnv", () => {
  // Strict: an unset variable leaves no key at all (not one holding undefined), so the options can be spread over others.
  it("defaults to production and leaves the token and email unset", () => {
    expect(bakongConfigFromEnv(env({}))).toStrictEqual({ baseUrl: "https://api-bakong.nbc.gov.kh" });
  });

  it("reads every variable, ignoring blank ones", () => {
    expect(
      bakongConfigFromEnv(
        env({
          BAKONG_API_URL: "http://relay.example:8080",
          BAKONG_TOKEN: " jwt ",
          BAKONG_EMAIL: "ops@example.com",
          BAKONG_TIMEOUT_MS: "20000",
        }),
      ),
    ).toEqual({ baseUrl: "http://relay.example:8080", token: "jwt", email: "ops@example.com", timeoutMs: 20_000 });
    expect(bakongConfigFromEnv(env({ BAKONG_TOKEN: "  ", BAKONG_EMAIL: " ", BAKONG_API_URL: "" }))).toStrictEqual({
      baseUrl: "https://api-bakong.nbc.gov.kh",
    });
  });

  it("refuses a timeout that is not a positive whole number", () => {
    expect(() => bakongConfigFromEnv(env({ BAKONG_TIMEOUT_MS: "15s" }))).toThrow(/BAKONG_TIMEOUT_MS/);
    expect(() => bakongConfigFromEnv(env({ BAKONG_TIMEOUT_MS: "0" }))).toThrow(/BAKONG_TIMEOUT_MS/);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");

  it("reads delta-seconds and HTTP dates, never negative", () => {
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:00:30 GMT", now)).toBe(30);
    expect(parseRetryAfter("Tue, 31 Dec 2024 23:00:00 GMT", now)).toBe(0);
  });

  it("ignores absent or unreadable values", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
