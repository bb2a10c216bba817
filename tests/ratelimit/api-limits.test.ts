import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { API_RATE_LIMITS, AUTH_ATTEMPT_LIMITS } from "@/lib/config/rate-limits";
import { applyRateLimit, closeRateLimitStore, limitAuthAttempt, pingRateLimitStore } from "@/lib/ratelimit";
import { awayFromWindowEdge, REDIS_URL } from "./helpers";

// The app's own store selection, pointed at the real Redis the way CI runs it.
beforeAll(() => {
  delete process.env.UPSTASH_REDIS_REST_URL;
  process.env.REDIS_URL = REDIS_URL;
});

afterEach(() => {
  delete process.env.RATE_LIMITS;
});

afterAll(async () => {
  await closeRateLimitStore();
});

describe("applyRateLimit on Redis", () => {
  it("uses Redis, as REDIS_URL asks", async () => {
    expect(await pingRateLimitStore()).toBe(true);
  });

  it("allows 60 POST /qr calls a minute per key with headers, and denies the 61st with Retry-After and a message", async () => {
    await awayFromWindowEdge(60_000);
    const keyId = randomUUID();
    for (let i = 1; i <= 60; i++) {
      const outcome = await applyRateLimit({ keyId }, "qr");
      expect(outcome.allowed).toBe(true);
      expect(outcome.headers["X-RateLimit-Limit"]).toBe("60");
      expect(outcome.headers["X-RateLimit-Remaining"]).toBe(String(60 - i));
      expect(outcome.headers["Retry-After"]).toBeUndefined();
    }
    const denied = await applyRateLimit({ keyId }, "qr");
    const nowSeconds = Date.now() / 1000;
    const windowEndSeconds = (Math.floor(Date.now() / 60_000) + 1) * 60;
    expect(denied.allowed).toBe(false);
    expect(denied.headers["X-RateLimit-Limit"]).toBe("60");
    expect(denied.headers["X-RateLimit-Remaining"]).toBe("0");
    expect(Number(denied.headers["X-RateLimit-Reset"])).toBe(windowEndSeconds);
    const retryAfter = Number(denied.headers["Retry-After"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(retryAfter).toBe(Math.max(1, Math.ceil(windowEndSeconds - nowSeconds)));
    expect(denied.message).toBe(`Rate limit of 60 requests per minute for POST /qr exceeded for this API key; resets in ${retryAfter} s`);
  });

  it("counts each route separately, with its own limit", async () => {
    const keyId = randomUUID();
    for (const route of ["qr", "check", "by_order", "general"] as const) {
      const outcome = await applyRateLimit({ keyId }, route);
      expect(outcome.headers["X-RateLimit-Limit"]).toBe(String(API_RATE_LIMITS[route].requestsPerMinute));
      expect(outcome.headers["X-RateLimit-Remaining"]).toBe(String(API_RATE_LIMITS[route].requestsPerMinute - 1));
    }
    expect(API_RATE_LIMITS).toMatchObject({
      qr: { requestsPerMinute: 60 },
      check: { requestsPerMinute: 120 },
      by_order: { requestsPerMinute: 120 },
      general: { requestsPerMinute: 300 },
      unauthenticated: { requestsPerMinute: 60 },
    });
  });

  it("limits unauthenticated requests per IP and says so", async () => {
    await awayFromWindowEdge(60_000);
    const ip = randomUUID();
    for (let i = 0; i < 60; i++) expect((await applyRateLimit({ ip }, "unauthenticated")).allowed).toBe(true);
    const denied = await applyRateLimit({ ip }, "unauthenticated");
    expect(denied.allowed).toBe(false);
    expect(denied.message).toMatch(
      /^Rate limit of 60 requests per minute for requests without a valid API key exceeded for this IP address; resets in \d+ s$/,
    );
    expect((await applyRateLimit({ ip: `${ip}-other` }, "unauthenticated")).allowed).toBe(true);
  });

  it("RATE_LIMITS=off lets everything through without limit headers", async () => {
    process.env.RATE_LIMITS = "off";
    const keyId = randomUUID();
    for (let i = 0; i < 70; i++) expect(await applyRateLimit({ keyId }, "qr")).toEqual({ allowed: true, headers: {}, message: "" });
    const ip = randomUUID();
    for (let i = 0; i <= AUTH_ATTEMPT_LIMITS.perIp.limit; i++)
      expect(await limitAuthAttempt({ ip, email: "someone@example.com" })).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });
});

describe("limitAuthAttempt", () => {
  it("allows 10 attempts per email from one address in 15 minutes, then asks that address to wait; other addresses go on", async () => {
    await awayFromWindowEdge(15 * 60_000);
    const email = `victim-${randomUUID()}@example.com`;
    const attacker = randomUUID();
    for (let i = 0; i < AUTH_ATTEMPT_LIMITS.perEmailAndIp.limit; i++) {
      expect(await limitAuthAttempt({ ip: attacker, email })).toEqual({ allowed: true, retryAfterSeconds: 0 });
    }
    const denied = await limitAuthAttempt({ ip: attacker, email });
    expect(denied.allowed).toBe(false);
    expect(denied.retryAfterSeconds).toBeGreaterThan(0);
    expect(denied.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect(await limitAuthAttempt({ ip: randomUUID(), email })).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });

  it("allows 100 attempts per email in 15 minutes, from any address, then asks to wait", async () => {
    await awayFromWindowEdge(15 * 60_000);
    const email = `victim-${randomUUID()}@example.com`;
    for (let i = 0; i < AUTH_ATTEMPT_LIMITS.perEmail.limit; i++) {
      expect(await limitAuthAttempt({ ip: randomUUID(), email })).toEqual({ allowed: true, retryAfterSeconds: 0 });
    }
    const denied = await limitAuthAttempt({ ip: randomUUID(), email: `  ${email.toUpperCase()} ` });
    expect(denied.allowed).toBe(false);
    expect(denied.retryAfterSeconds).toBeGreaterThan(0);
    expect(denied.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    expect((await limitAuthAttempt({ ip: randomUUID(), email: `other-${email}` })).allowed).toBe(true);
  });

  it("allows 20 attempts per IP in a minute, whatever the email", async () => {
    await awayFromWindowEdge(60_000);
    const ip = randomUUID();
    for (let i = 0; i < AUTH_ATTEMPT_LIMITS.perIp.limit; i++) {
      expect((await limitAuthAttempt({ ip, email: `${randomUUID()}@example.com` })).allowed).toBe(true);
    }
    const denied = await limitAuthAttempt({ ip, email: `${randomUUID()}@example.com` });
    expect(denied.allowed).toBe(false);
    expect(denied.retryAfterSeconds).toBeGreaterThan(0);
    expect(denied.retryAfterSeconds).toBeLessThanOrEqual(60);
  });
});
