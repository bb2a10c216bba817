import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createLimiter } from "@/lib/ratelimit";
import { IoredisScriptRunner, type RateLimitStore, type ScriptRunner } from "@/lib/ratelimit/stores";
import { MemoryScriptRunner } from "@/lib/ratelimit/stores/memory-store";
import { scriptSha } from "@/lib/ratelimit/stores/sha1";
import { createStoreHealth } from "@/lib/ratelimit/store-health";
import { REDIS_URL, uniquePrefix } from "./helpers";

/** The sliding-window script exactly as @upstash/ratelimit sends it: caught from a limiter's first EVAL. */
async function slidingWindowScript(): Promise<string> {
  let script = "";
  const recorder: ScriptRunner = {
    evalsha: async (sha) => Promise.reject(new Error(`NOSCRIPT ${sha}`)),
    eval: async (text) => {
      script = text;
      return [1, 2];
    },
  };
  const store: RateLimitStore = {
    kind: "memory",
    scripts: recorder,
    ping: async () => false,
    health: createStoreHealth("memory"),
    close: async () => {},
  };
  await createLimiter({ store, limit: 2, windowSeconds: 60, prefix: "capture" })("key");
  return script;
}

const redis = new Redis(REDIS_URL);
afterAll(() => redis.disconnect());

const WINDOW = 10_000;
// A window boundary; `now` values below are offsets from it.
const BASE = 1_780_000_000_000 - (1_780_000_000_000 % WINDOW);

describe("the in-memory store", () => {
  it("answers the sliding-window script exactly as Redis runs the Lua: weighting, denial, peeks and refunds", async () => {
    const script = await slidingWindowScript();
    const memory = new MemoryScriptRunner();
    const stock = new IoredisScriptRunner(redis);
    const key = uniquePrefix("differential");
    const steps: { window: number; offset: number; increment: number }[] = [
      // Four in the previous window…
      ...Array.from({ length: 4 }, () => ({ window: 0, offset: 100, increment: 1 })),
      // …weigh 3 a quarter into the next (floor(0.75 × 4)), leaving 2 of 5.
      { window: 1, offset: 2_500, increment: 1 },
      { window: 1, offset: 2_500, increment: 1 },
      { window: 1, offset: 2_500, increment: 1 },
      { window: 1, offset: 2_500, increment: 0 },
      { window: 1, offset: 2_500, increment: -1 },
      // 26 % in it weighs floor(0.74 × 4) = 2: room for the two.
      { window: 1, offset: 2_600, increment: 2 },
      // Nine tenths in, the previous window weighs floor(0.1 × 4) = 0.
      { window: 1, offset: 9_000, increment: 0 },
      { window: 1, offset: 9_000, increment: 1 },
    ];
    const answers: { memory: unknown; redis: unknown }[] = [];
    for (const { window, offset, increment } of steps) {
      const keys = [`${key}:${window}`, `${key}:${window - 1}`];
      const args = [5, BASE + window * WINDOW + offset, WINDOW, increment];
      answers.push({ memory: await memory.eval(script, keys, args), redis: await stock.eval(script, keys, args) });
    }
    for (const { memory: fromMemory, redis: fromRedis } of answers) expect(fromMemory).toEqual(fromRedis);
    expect(answers.map((answer) => answer.memory)).toEqual([
      [4, 5],
      [3, 5],
      [2, 5],
      [1, 5],
      [1, 5],
      [0, 5],
      [-1, 5],
      [0, 5],
      [1, 5],
      [0, 5],
      [2, 5],
      [1, 5],
    ]);
  });

  it("forgets a window's count two windows and a second after its first request, not later", async () => {
    const runner = new MemoryScriptRunner();
    const script = await slidingWindowScript();
    const keys = ["current", "previous"];
    const at = (now: number, increment = 1) => runner.eval(script, keys, [100, now, WINDOW, increment]);
    const expiry = BASE + 2 * WINDOW + 1_000;
    await at(BASE);
    // A later request in the same window keeps the first request's expiry.
    await at(BASE + 5_000);
    expect(await at(expiry - 1, 0)).toEqual([98, 100]);
    expect(await at(expiry, 0)).toEqual([100, 100]);
    // Counted again at the instant it expired: a fresh count with a fresh lifetime.
    await at(expiry);
    expect(await at(expiry + 1, 0)).toEqual([99, 100]);
  });

  it("drops expired windows once a minute, so a long-running process does not grow without bound", async () => {
    const runner = new MemoryScriptRunner();
    const script = await slidingWindowScript();
    // 2 × 29.5 s + 1 s: the first window expires exactly when the next sweep is due.
    const window = 29_500;
    const count = (key: string, now: number) => runner.eval(script, [key, `${key}:previous`], [10, now, window, 1]);
    await count("first", BASE);
    await count("second", BASE + 59_999);
    expect(runner.heldWindows()).toBe(2);
    await count("third", BASE + 60_000);
    expect(runner.heldWindows()).toBe(2);
    // The sweep kept the windows that had not expired: "second" still counts its request.
    expect(await count("second", BASE + 60_001)).toEqual([8, 10]);
  });

  it("does not sweep more than once a minute", async () => {
    const runner = new MemoryScriptRunner();
    const script = await slidingWindowScript();
    const count = (key: string, now: number) => runner.eval(script, [key, `${key}:previous`], [10, now, 1_000, 1]);
    await count("short", BASE);
    // "short" expired at BASE + 3 s; the next sweep is only due at BASE + 60 s.
    await count("later", BASE + 5_000);
    expect(runner.heldWindows()).toBe(2);
  });

  it("runs only the sliding-window script, by hash only once it has seen it, and checks its arguments", async () => {
    const runner = new MemoryScriptRunner();
    const script = await slidingWindowScript();
    await expect(runner.evalsha(scriptSha(script), ["a", "b"], [1, BASE, WINDOW, 1])).rejects.toThrow("NOSCRIPT");
    expect(await runner.eval(script, ["a", "b"], [1, BASE, WINDOW, 1])).toEqual([0, 1]);
    expect(await runner.evalsha(scriptSha(script), ["a", "b"], [1, BASE, WINDOW, 1])).toEqual([-1, 1]);

    const refused = "The in-memory rate-limit store only runs the sliding-window limit script";
    await expect(runner.eval("return 1", ["a", "b"], [1, BASE, WINDOW, 1])).rejects.toThrow(refused);
    await expect(runner.eval(script.replaceAll("INCRBY", "INCR"), ["a", "b"], [1, BASE, WINDOW, 1])).rejects.toThrow(refused);
    await expect(runner.eval(script.replaceAll("requestsInPreviousWindow", "previous"), ["a", "b"], [1, BASE, WINDOW, 1])).rejects.toThrow(
      refused,
    );

    const shape = "The sliding-window script takes 2 keys and 4 arguments";
    await expect(runner.eval(script, ["a"], [1, BASE, WINDOW, 1])).rejects.toThrow(shape);
    await expect(runner.eval(script, ["a", "b"], [1, BASE, WINDOW])).rejects.toThrow(shape);
  });
});
