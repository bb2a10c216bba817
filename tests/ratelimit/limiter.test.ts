import { afterAll, describe, expect, it } from "vitest";
import { createLimiter, createRateLimitStore } from "@/lib/ratelimit";
import { IoredisScriptRunner } from "@/lib/ratelimit/stores";
import { scriptSha } from "@/lib/ratelimit/stores/sha1";
import { awayFromWindowEdge, REDIS_URL, sleep, uniquePrefix } from "./helpers";

// The same behaviour is required of the real Redis (through the ioredis adapter) and the in-memory store.
const stores = { redis: createRateLimitStore({ REDIS_URL }), memory: createRateLimitStore({}) };

afterAll(async () => {
  await Promise.all(Object.values(stores).map((store) => store.close()));
});

describe.each(Object.entries(stores))("sliding-window limiter on the %s store", (kind, store) => {
  it("uses the store it was asked for", () => {
    expect(store.kind).toBe(kind);
  });

  it("lets 60 calls through in a minute and denies the 61st", async () => {
    await awayFromWindowEdge(60_000);
    const limiter = createLimiter({ store, limit: 60, windowSeconds: 60, prefix: uniquePrefix("sixty") });
    for (let i = 1; i <= 60; i++) {
      const decision = await limiter("key");
      expect(decision).toMatchObject({ allowed: true, limit: 60, remaining: 60 - i, failedOpen: false });
    }
    const denied = await limiter("key");
    expect(denied).toMatchObject({ allowed: false, limit: 60, remaining: 0, failedOpen: false });
    const windowEnd = (Math.floor(Date.now() / 60_000) + 1) * 60_000;
    expect(denied.resetAt).toBe(windowEnd);
  });

  it("lets exactly 60 of 200 concurrent calls through", async () => {
    await awayFromWindowEdge(60_000);
    const limiter = createLimiter({ store, limit: 60, windowSeconds: 60, prefix: uniquePrefix("burst") });
    const decisions = await Promise.all(Array.from({ length: 200 }, () => limiter("key")));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(60);
    expect(decisions.every((decision) => !decision.failedOpen)).toBe(true);
  });

  it("limits each identifier on its own", async () => {
    await awayFromWindowEdge(60_000);
    const limiter = createLimiter({ store, limit: 3, windowSeconds: 60, prefix: uniquePrefix("isolation") });
    for (let i = 0; i < 3; i++) expect((await limiter("first")).allowed).toBe(true);
    expect((await limiter("first")).allowed).toBe(false);
    expect(await limiter("second")).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("lets calls through again once the window has passed", async () => {
    const windowMs = 2_000;
    await awayFromWindowEdge(windowMs, 500);
    const limiter = createLimiter({ store, limit: 5, windowSeconds: 2, prefix: uniquePrefix("reset") });
    for (let i = 0; i < 5; i++) expect((await limiter("key")).allowed).toBe(true);
    const denied = await limiter("key");
    expect(denied.allowed).toBe(false);
    // The sliding window still weighs the previous window in, so the full allowance is back two windows later.
    await sleep(denied.resetAt - Date.now() + windowMs + 20);
    expect(await limiter("key")).toMatchObject({ allowed: true, remaining: 4 });
  });
});

describe("the ioredis adapter", () => {
  it("strips the Upstash-only shebang, so stock Redis runs the script, and answers the script's result shape", async () => {
    const { Redis } = await import("ioredis");
    const client = new Redis(REDIS_URL);
    try {
      const runner = new IoredisScriptRunner(client);
      const script = "#!lua flags=allow-key-locking\nreturn {tonumber(ARGV[1]) + 1, #KEYS}";
      await expect(runner.evalsha("0".repeat(40), ["k"], [1])).rejects.toThrow("NOSCRIPT");
      expect(await runner.eval(script, ["a", "b"], [41])).toEqual([42, 2]);
      // From then on the limiter's EVALSHA by the Upstash hash runs the stripped script already in Redis.
      expect(await runner.evalsha(scriptSha(script), ["a"], [1])).toEqual([2, 1]);
    } finally {
      client.disconnect();
    }
  });

  it("keeps working after Redis forgets its scripts (restart, SCRIPT FLUSH)", async () => {
    const { Redis } = await import("ioredis");
    const admin = new Redis(REDIS_URL);
    try {
      const limiter = createLimiter({ store: stores.redis, limit: 10, windowSeconds: 60, prefix: uniquePrefix("flush") });
      expect((await limiter("key")).remaining).toBe(9);
      await admin.script("FLUSH");
      expect(await limiter("key")).toMatchObject({ allowed: true, remaining: 8, failedOpen: false });
    } finally {
      admin.disconnect();
    }
  });
});
