import { afterEach, describe, expect, it, vi } from "vitest";
import { isKeyUnchanged } from "@/lib/keys";
import { cachedKeyLookup, cacheKeyLookup, KEY_CACHE_TTL_MS } from "@/lib/keys/key-cache";
import type { ApiKeyAuth } from "@/lib/keys";

const auth = (n: number): ApiKeyAuth => ({ userId: `user-${n}`, keyId: `key-${n}`, mode: "live" });

afterEach(() => {
  vi.useRealTimers();
});

describe("the per-process key cache", () => {
  it("holds a lookup for exactly a minute", () => {
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    cacheKeyLookup("ttl-hash", auth(1));
    vi.setSystemTime(start + KEY_CACHE_TTL_MS - 1);
    expect(cachedKeyLookup("ttl-hash")).toEqual(auth(1));
    vi.setSystemTime(start + KEY_CACHE_TTL_MS);
    expect(cachedKeyLookup("ttl-hash")).toBeNull();
  });

  it("holds at most 10,000 keys, forgetting the one looked up longest ago", () => {
    for (let n = 0; n < 10_000; n++) cacheKeyLookup(`hash-${n}`, auth(n));
    expect(cachedKeyLookup("hash-0")).toEqual(auth(0));
    expect(cachedKeyLookup("hash-9999")).toEqual(auth(9999));
    cacheKeyLookup("hash-new", auth(10_000));
    expect(cachedKeyLookup("hash-0")).toBeNull();
    expect(cachedKeyLookup("hash-1")).toEqual(auth(1));
    expect(cachedKeyLookup("hash-new")).toEqual(auth(10_000));
  });
});

describe("isKeyUnchanged", () => {
  it("is false for a key whose account was never read (nothing to compare against)", async () => {
    expect(await isKeyUnchanged(auth(1))).toBe(false);
  });
});
