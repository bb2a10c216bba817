import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createLimiter } from "@/lib/ratelimit";
import { createStoreHealth } from "@/lib/ratelimit/store-health";
import type { RateLimitStore } from "@/lib/ratelimit/stores";

const logged = vi.hoisted(() => [] as { level: string; msg: string; fields?: Record<string, unknown> }[]);
vi.mock("@/lib/log", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/log")>()),
  log: (level: string, msg: string, fields?: Record<string, unknown>) => logged.push({ level, msg, fields }),
}));

const START = new Date("2026-05-13T10:00:20.000Z");

beforeEach(() => {
  logged.length = 0;
  vi.useFakeTimers({ now: START, toFake: ["Date"] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("a rate-limit store's health", () => {
  it("rests the store for exactly its pause after a failure", () => {
    const health = createStoreHealth("redis", { pauseMs: 1_000, logIntervalMs: 30_000 });
    expect(health.resting()).toBe(false);
    health.failed(new Error("down"));
    vi.setSystemTime(START.getTime() + 999);
    expect(health.resting()).toBe(true);
    vi.setSystemTime(START.getTime() + 1_000);
    expect(health.resting()).toBe(false);
  });

  it("logs an outage once per interval, with how many failures went unlogged in between", () => {
    const health = createStoreHealth("upstash", { pauseMs: 1_000, logIntervalMs: 30_000 });
    health.failed(new Error("connection refused"));
    vi.setSystemTime(START.getTime() + 10_000);
    health.failed("timeout");
    vi.setSystemTime(START.getTime() + 29_999);
    health.failed(new Error("connection refused"));
    vi.setSystemTime(START.getTime() + 30_000);
    health.failed("still down");
    expect(logged).toEqual([
      {
        level: "warn",
        msg: "rate_limit_store_unavailable",
        fields: {
          store: "upstash",
          error_message: "connection refused",
          failures_since_last_log: 0,
          effect: "per-minute rate limits are not enforced until the store answers again; daily plan quotas still are",
        },
      },
      expect.objectContaining({ fields: expect.objectContaining({ error_message: "still down", failures_since_last_log: 2 }) }),
    ]);
  });
});

describe("a limiter whose store fails", () => {
  it("lets the request through with the whole allowance until the window's end, and rests the store", async () => {
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error("READONLY You can't write against a read only replica.");
    };
    const store: RateLimitStore = {
      kind: "redis",
      scripts: { evalsha: failing, eval: failing },
      ping: async () => true,
      health: createStoreHealth("redis"),
      close: async () => {},
    };
    const limiter = createLimiter({ store, limit: 7, windowSeconds: 60, prefix: "failing" });
    const windowEnd = new Date("2026-05-13T10:01:00.000Z").getTime();
    expect(await limiter("key")).toEqual({ allowed: true, limit: 7, remaining: 7, resetAt: windowEnd, failedOpen: true });
    expect(logged).toHaveLength(1);
    expect(logged[0]?.fields?.error_message).toContain("READONLY");
    const callsBeforeRest = calls;
    expect(await limiter("key")).toMatchObject({ allowed: true, failedOpen: true, resetAt: windowEnd });
    expect(calls).toBe(callsBeforeRest);
  });
});
