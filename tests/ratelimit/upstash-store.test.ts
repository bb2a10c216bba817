import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createLimiter, createRateLimitStore } from "@/lib/ratelimit";
import { startFakeUpstash, type FakeUpstash } from "../fakes/fake-upstash-server";
import { awayFromWindowEdge, REDIS_URL, uniquePrefix } from "./helpers";

const logged = vi.hoisted(() => [] as { msg: string; fields?: Record<string, unknown> }[]);
vi.mock("@/lib/log", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/log")>()),
  log: (_level: string, msg: string, fields?: Record<string, unknown>) => logged.push({ msg, fields }),
}));

let upstash: FakeUpstash;
beforeAll(async () => {
  upstash = await startFakeUpstash(REDIS_URL);
});
afterAll(async () => {
  await upstash.close();
});

describe("the Upstash store (a REST stand-in on 127.0.0.1 backed by the real Redis)", () => {
  it("is chosen when the REST URL and token are set, even with REDIS_URL, and answers its health check", async () => {
    const store = createRateLimitStore({ UPSTASH_REDIS_REST_URL: upstash.url, UPSTASH_REDIS_REST_TOKEN: upstash.token, REDIS_URL });
    expect(store.kind).toBe("upstash");
    expect(await store.ping()).toBe(true);
    expect(upstash.commands.at(-1)).toEqual(["ping"]);
  });

  it("limits through EVALSHA, sending the script once when Upstash does not know it", async () => {
    await awayFromWindowEdge(60_000);
    const store = createRateLimitStore({ UPSTASH_REDIS_REST_URL: upstash.url, UPSTASH_REDIS_REST_TOKEN: upstash.token });
    const limiter = createLimiter({ store, limit: 3, windowSeconds: 60, prefix: uniquePrefix("upstash") });
    const before = upstash.commands.length;
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter("key"));
    expect(decisions.map(({ allowed, remaining, failedOpen }) => ({ allowed, remaining, failedOpen }))).toEqual([
      { allowed: true, remaining: 2, failedOpen: false },
      { allowed: true, remaining: 1, failedOpen: false },
      { allowed: true, remaining: 0, failedOpen: false },
      { allowed: false, remaining: 0, failedOpen: false },
    ]);
    const names = upstash.commands.slice(before).map(([name]) => name);
    expect(names.filter((name) => name === "eval")).toHaveLength(1);
    expect(names.filter((name) => name === "evalsha")).toHaveLength(4);
  });

  it("retries a dropped connection once, 50 ms later, then gives up", async () => {
    const attempts: number[] = [];
    const dropping = net.createServer((socket) => {
      attempts.push(performance.now());
      socket.destroy();
    });
    await new Promise<void>((resolve) => dropping.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = dropping.address() as net.AddressInfo;
      const store = createRateLimitStore({ UPSTASH_REDIS_REST_URL: `http://127.0.0.1:${port}`, UPSTASH_REDIS_REST_TOKEN: upstash.token });
      await expect(store.ping()).rejects.toThrow();
      expect(attempts).toHaveLength(2);
      expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(45);
    } finally {
      await new Promise((resolve) => dropping.close(resolve));
    }
  });

  it("fails open when the token is refused, and the outage log names Upstash", async () => {
    const store = createRateLimitStore({ UPSTASH_REDIS_REST_URL: upstash.url, UPSTASH_REDIS_REST_TOKEN: "wrong-token" });
    await expect(store.ping()).rejects.toThrow("Unauthorized");
    const limiter = createLimiter({ store, limit: 3, windowSeconds: 60, prefix: uniquePrefix("refused") });
    expect(await limiter("key")).toMatchObject({ allowed: true, remaining: 3, failedOpen: true });
    expect(logged.filter((line) => line.msg === "rate_limit_store_unavailable").map((line) => line.fields?.store)).toEqual(["upstash"]);
  });
});
