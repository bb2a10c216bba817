import { createStoreHealth } from "../store-health";
import { scriptSha } from "./sha1";
import type { RateLimitStore, ScriptRunner } from "./types";

type Counter = { value: number; expiresAt: number };

// Recognises @upstash/ratelimit's sliding-window limit script, the only one the app's limiters run.
function isSlidingWindowLimitScript(script: string): boolean {
  return script.includes("requestsInPreviousWindow") && script.includes("INCRBY");
}

/**
 * For one process without Redis (`npm run dev`): answers the sliding-window limit script in JavaScript
 * with the same arithmetic and result shape as the Lua, so the limiter's code path is the same everywhere.
 * Each call runs to completion without awaiting, which makes it as atomic as the script is in Redis.
 */
export class MemoryScriptRunner implements ScriptRunner {
  private readonly counters = new Map<string, Counter>();
  private readonly knownScripts = new Set<string>();
  private lastSweepAt = 0;

  async evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown> {
    if (!this.knownScripts.has(sha)) throw new Error(`NOSCRIPT ${sha}`);
    return this.slidingWindowLimit(keys, args);
  }

  async eval(script: string, keys: string[], args: unknown[]): Promise<unknown> {
    if (!isSlidingWindowLimitScript(script)) throw new Error("The in-memory rate-limit store only runs the sliding-window limit script");
    this.knownScripts.add(scriptSha(script));
    return this.slidingWindowLimit(keys, args);
  }

  /** KEYS = [current window, previous window]; ARGV = [limit, now ms, window ms, increment]. */
  private slidingWindowLimit(keys: string[], args: unknown[]): [number, number] {
    if (keys.length < 2 || args.length < 4) throw new Error("The sliding-window script takes 2 keys and 4 arguments");
    const [currentKey, previousKey] = keys as [string, string];
    const [limit, now, windowMs, incrementBy] = args.map(Number) as [number, number, number, number];
    this.sweep(now);
    const current = this.read(currentKey, now);
    const previous = this.read(previousKey, now);
    const weightedPrevious = Math.floor((1 - (now % windowMs) / windowMs) * previous);
    if (incrementBy > 0 && weightedPrevious + current >= limit) return [-1, limit];
    const value = current + incrementBy;
    // Like the script's PEXPIRE on first increment: a window's counter lives for two windows and a second.
    const existing = this.counters.get(currentKey);
    const expiresAt = existing && existing.expiresAt > now ? existing.expiresAt : now + windowMs * 2 + 1_000;
    this.counters.set(currentKey, { value, expiresAt });
    return [limit - (value + weightedPrevious), limit];
  }

  /** How many windows' counts it holds (expired ones included until the next sweep). */
  heldWindows(): number {
    return this.counters.size;
  }

  private read(key: string, now: number): number {
    const counter = this.counters.get(key);
    return counter && counter.expiresAt > now ? counter.value : 0;
  }

  // Expired windows are dropped once a minute so a long-running dev server does not grow without bound.
  private sweep(now: number): void {
    if (now - this.lastSweepAt < 60_000) return;
    this.lastSweepAt = now;
    for (const [key, counter] of this.counters) if (counter.expiresAt <= now) this.counters.delete(key);
  }
}

export function createMemoryStore(): RateLimitStore {
  return {
    kind: "memory",
    scripts: new MemoryScriptRunner(),
    ping: async () => false,
    health: createStoreHealth("memory"),
    close: async () => {},
  };
}
